import type { ThemeConfig } from 'antd';

/** Court blue with the emblem's red and gold as accents. */
export const SIDER_BG = '#0f2747';

export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1d4f91',
    colorInfo: '#1d4f91',
    colorLink: '#1d4f91',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: {
      siderBg: SIDER_BG,
      triggerBg: '#0a1c35',
      headerBg: '#ffffff',
      headerPadding: '0 24px',
      bodyBg: '#f3f5f9',
    },
    Menu: {
      darkItemBg: SIDER_BG,
      darkSubMenuItemBg: '#0a1c35',
      darkItemSelectedBg: '#1d4f91',
    },
  },
};
