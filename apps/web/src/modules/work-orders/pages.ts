import { lazy } from 'react';

// Loaded on first visit, like every route page.
export const MyOrdersPage = lazy(() => import('./MyOrdersPage'));
export const PoolPage = lazy(() => import('./PoolPage'));
export const OrderDetailPage = lazy(() => import('./OrderDetailPage'));
export const TeamBoardPage = lazy(() => import('./TeamBoardPage'));
export const StatisticsPage = lazy(() => import('./StatisticsPage'));
export const OrderTypesPage = lazy(() => import('./OrderTypesPage'));
