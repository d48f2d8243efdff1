import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

interface PageProps {
  testId: string;
  title: ReactNode;
  description?: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
}

/** The frame of a page: heading, optional actions on the right, content below. */
export function Page({ testId, title, description, extra, children }: PageProps) {
  return (
    <section data-testid={testId} aria-labelledby={`${testId}-title`}>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title id={`${testId}-title`} level={1} style={{ fontSize: 20, margin: 0 }}>
            {title}
          </Typography.Title>
          {description && (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
              {description}
            </Typography.Text>
          )}
        </div>
        {extra && (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        )}
      </Flex>
      {children}
    </section>
  );
}
