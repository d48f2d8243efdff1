import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { translateOptional } from '../../shared/lib/i18n';

/** Entity types written to the trail by the organisation and auth modules. */
export const AUDIT_ENTITY_TYPES = ['court', 'department', 'team', 'user', 'role', 'province'] as const;

/** Actions written to the trail by the organisation and auth modules. */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'sign-in',
  'sign-out',
  'lock',
  'unlock',
  'change-password',
  'reset-password',
  'set-members',
  'seed',
] as const;

const ACTION_COLORS: Record<string, string> = {
  create: 'green',
  update: 'blue',
  lock: 'volcano',
  unlock: 'cyan',
  'reset-password': 'purple',
  'change-password': 'purple',
  'set-members': 'geekblue',
  seed: 'gold',
};

export function actionColor(action: string): string | undefined {
  return ACTION_COLORS[action];
}

/** Readable names for entity types, actions and changed fields, with the raw code as fallback. */
export function useAuditLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      entity: (type: string) => translateOptional(t, `audit.entities.${type}`, type),
      action: (action: string) => translateOptional(t, `audit.actions.${action}`, action),
      field: (field: string) => translateOptional(t, `audit.fields.${field}`, field),
    }),
    [t],
  );
}
