import { causePath, childrenOf } from '@courtassist/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Spin, TreeSelect, type TreeSelectProps } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../shared/lib/lang';
import { type CauseView, fetchCauses } from '../api';
import { causeTrail } from '../labels';

interface CauseNode {
  id: string;
  pId: string;
  value: string;
  title: string;
  isLeaf: boolean;
  selectable: boolean;
}

type CauseTreeSelectProps = Omit<TreeSelectProps<string>, 'treeData' | 'loadData' | 'onChange' | 'value'> & {
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  /** The catalogue to browse: civil, criminal or administrative; all when absent. */
  category?: string;
};

/** The parent id of top-level entries in the simple-mode tree data. */
const ROOT = '';

/** Top-level entries (parts, chapters) group causes; they are not causes themselves. */
const selectable = (c: CauseView) => c.level > 1;

/**
 * The cause of action (案由): the catalogue tree loaded level by level from the server, or the
 * causes whose name contains what is typed (server search).
 */
export function CauseTreeSelect({ value, onChange, category, placeholder, ...rest }: CauseTreeSelectProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const [causes, setCauses] = useState<Map<string, CauseView>>(new Map());
  const [loaded, setLoaded] = useState<Set<string>>(new Set());
  const [rootsLoading, setRootsLoading] = useState(false);
  const [search, setSearch] = useState('');
  const [results, setResults] = useState<CauseView[] | null>(null);
  const [searching, setSearching] = useState(false);
  const loadedRef = useRef(loaded);
  loadedRef.current = loaded;

  const name = useCallback((c: CauseView) => (lang === 'en' ? c.nameEn : c.nameZh), [lang]);

  const addCauses = useCallback((items: CauseView[]) => {
    setCauses((current) => {
      const next = new Map(current);
      for (const item of items) next.set(item.code, item);
      return next;
    });
  }, []);

  const loadChildren = useCallback(
    async (parent: string) => {
      if (loadedRef.current.has(parent)) return;
      const page = await fetchCauses(queryClient, { parent, limit: 500 });
      addCauses(page.items);
      setLoaded((current) => new Set(current).add(parent));
    },
    [queryClient, addCauses],
  );

  // The top level of the chosen category.
  useEffect(() => {
    let cancelled = false;
    setRootsLoading(true);
    setCauses(new Map());
    setLoaded(new Set());
    fetchCauses(queryClient, { category, limit: 500 })
      .then((page) => {
        if (!cancelled) addCauses(page.items);
      })
      .finally(() => {
        if (!cancelled) setRootsLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [queryClient, category, addCauses]);

  // A chosen cause is shown in its place in the tree: load its ancestors' children.
  useEffect(() => {
    if (!value || rootsLoading) return;
    const ancestors = causePath(value).slice(0, -1);
    void (async () => {
      for (const ancestor of ancestors) await loadChildren(ancestor.code);
    })();
  }, [value, rootsLoading, loadChildren]);

  // Server search, a moment after typing stops.
  useEffect(() => {
    const q = search.trim().slice(0, 30);
    if (!q) {
      setResults(null);
      return;
    }
    let cancelled = false;
    setSearching(true);
    const timer = setTimeout(() => {
      fetchCauses(queryClient, { q, category, limit: 50 })
        .then((page) => {
          if (!cancelled) setResults(page.items);
        })
        .finally(() => {
          if (!cancelled) setSearching(false);
        });
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [search, category, queryClient]);

  const treeData = useMemo<CauseNode[]>(() => {
    if (results) {
      return results.map((c) => ({
        id: c.code,
        pId: ROOT,
        value: c.code,
        title: causeTrail(c.code, lang) === c.code ? name(c) : causeTrail(c.code, lang),
        isLeaf: true,
        selectable: selectable(c),
      }));
    }
    return [...causes.values()]
      .filter((c) => c.parentCode === null || causes.has(c.parentCode))
      .map((c) => ({
        id: c.code,
        pId: c.parentCode ?? ROOT,
        value: c.code,
        title: name(c),
        // The catalogue in contracts tells which entries have children; the server's may add some.
        isLeaf: loaded.has(c.code) ? ![...causes.values()].some((x) => x.parentCode === c.code) : childrenOf(c.code).length === 0,
        selectable: selectable(c),
      }));
  }, [results, causes, loaded, lang, name]);

  return (
    <TreeSelect<string>
      showSearch
      allowClear
      treeDataSimpleMode={{ id: 'id', pId: 'pId', rootPId: ROOT }}
      treeData={treeData}
      treeNodeLabelProp="title"
      loadData={(node) => loadChildren(String(node.value))}
      treeLoadedKeys={[...loaded]}
      searchValue={search}
      onSearch={setSearch}
      filterTreeNode={false}
      value={value ?? undefined}
      onChange={(code) => {
        setSearch('');
        onChange?.(code ?? undefined);
      }}
      loading={rootsLoading}
      notFoundContent={searching ? <Spin size="small" /> : undefined}
      placeholder={placeholder ?? t('cases.cause.placeholder')}
      popupMatchSelectWidth={false}
      listHeight={360}
      {...rest}
    />
  );
}
