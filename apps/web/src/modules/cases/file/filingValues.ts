import type { CaseProcedureCode, CaseTypeCode, FileCaseRequest, PartyRoleCode } from '@courtassist/contracts';
import type { Dayjs } from 'dayjs';
import { toIsoDate } from '../labels';
import { normaliseCode } from './partyRules';

export interface PartyValues {
  kind: 'person' | 'organisation';
  role?: PartyRoleCode;
  name?: string;
  idNumber?: string;
  gender?: 'male' | 'female';
  birthDate?: Dayjs | null;
  creditCode?: string;
  legalRepresentative?: string;
  phone?: string;
  address?: string;
}

export interface AgentValues {
  partyIndex?: number;
  kind?: 'lawyer' | 'legal-worker' | 'citizen';
  name?: string;
  licenseNumber?: string;
  lawFirm?: string;
  phone?: string;
}

/** The filing form. The order of `parties` and `agents` is the request's, so server errors land on the right field. */
export interface FilingValues {
  courtId?: number;
  caseTypeCode?: CaseTypeCode;
  procedureCode?: CaseProcedureCode;
  causeCode?: string;
  filedOn?: Dayjs;
  claimAmount?: string | null;
  summary?: string;
  parties: PartyValues[];
  agents: AgentValues[];
}

/** Empty text is "not given": the server validates only what is sent. */
const opt = (value: string | undefined | null) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

export function toFileCaseRequest(values: FilingValues): FileCaseRequest {
  return {
    courtId: values.courtId as number,
    caseTypeCode: values.caseTypeCode as CaseTypeCode,
    procedureCode: values.procedureCode as CaseProcedureCode,
    causeCode: values.causeCode || undefined,
    filedOn: toIsoDate(values.filedOn) as string,
    claimAmount: opt(values.claimAmount === null || values.claimAmount === undefined ? undefined : String(values.claimAmount)),
    summary: values.summary?.trim() ?? '',
    parties: values.parties.map((p) =>
      p.kind === 'organisation'
        ? {
            kind: 'organisation' as const,
            role: p.role as PartyRoleCode,
            name: p.name?.trim() ?? '',
            creditCode: opt(normaliseCode(p.creditCode)),
            legalRepresentative: opt(p.legalRepresentative),
            phone: opt(p.phone),
            address: opt(p.address),
          }
        : {
            kind: 'person' as const,
            role: p.role as PartyRoleCode,
            name: p.name?.trim() ?? '',
            idNumber: opt(normaliseCode(p.idNumber)),
            gender: p.gender ?? undefined,
            birthDate: toIsoDate(p.birthDate),
            phone: opt(p.phone),
            address: opt(p.address),
          },
    ),
    agents: values.agents.map((a) => ({
      partyIndex: a.partyIndex as number,
      kind: a.kind ?? 'lawyer',
      name: a.name?.trim() ?? '',
      licenseNumber: opt(a.licenseNumber),
      lawFirm: opt(a.lawFirm),
      phone: opt(a.phone),
    })),
  };
}
