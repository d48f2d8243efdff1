import type { Court } from '@courtassist/contracts';
import { Card, Empty, Flex, Input, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CourtLevelTag } from '../components/CourtLevelTag';
import { buildCourtTree, defaultExpanded, filterCourts } from '../components/courtTree';

interface CourtTreeCardProps {
  courts: Court[];
  loading: boolean;
  selectedId: number | null;
  onSelect: (id: number) => void;
}

/** The court tree of the user's scope, with a search by name or code. */
export function CourtTreeCard({ courts, loading, selectedId, onSelect }: CourtTreeCardProps) {
  const { t } = useTranslation();
  const [keyword, setKeyword] = useState('');
  const visible = useMemo(() => filterCourts(courts, keyword), [courts, keyword]);
  const tree = useMemo(() => buildCourtTree(visible), [visible]);
  const [expanded, setExpanded] = useState<number[] | null>(null);
  const expandedKeys = keyword.trim() ? visible.map((c) => c.id) : (expanded ?? defaultExpanded(tree));

  return (
    <Card
      title={t('org.court.tree')}
      extra={<Typography.Text type="secondary">{t('common.total', { count: courts.length })}</Typography.Text>}
      loading={loading}
      styles={{ body: { paddingTop: 12 } }}
    >
      <Input.Search
        allowClear
        placeholder={t('org.court.searchPlaceholder')}
        aria-label={t('org.court.searchPlaceholder')}
        onChange={(e) => setKeyword(e.target.value)}
        style={{ marginBottom: 12 }}
      />
      {tree.length === 0 ? (
        <Empty description={keyword ? t('common.noMatch') : t('org.court.empty')} />
      ) : (
        <Tree<(typeof tree)[number]>
          treeData={tree}
          height={560}
          blockNode
          showLine={{ showLeafIcon: false }}
          selectedKeys={selectedId !== null ? [selectedId] : []}
          expandedKeys={expandedKeys}
          onExpand={(keys) => setExpanded(keys as number[])}
          onSelect={(keys) => keys.length > 0 && onSelect(Number(keys[0]))}
          titleRender={(node) => (
            <Flex gap={6} align="center" wrap={false}>
              <span>{node.court.name}</span>
              <CourtLevelTag level={node.court.level} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {node.court.code}
              </Typography.Text>
            </Flex>
          )}
        />
      )}
    </Card>
  );
}
