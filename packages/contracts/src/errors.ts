/**
 * The one catalogue of error codes. Every problem+json the API sends carries one of these codes,
 * with the Chinese and English message shown to users. The web app reads the same catalogue.
 */
export interface ErrorSpec {
  status: number;
  zh: string;
  en: string;
}

export const ERRORS = {
  VALIDATION_FAILED: { status: 400, zh: '提交的数据有误，请检查标出的字段', en: 'The submitted data is invalid; check the fields marked' },
  MALFORMED_JSON: { status: 400, zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  BAD_REQUEST: { status: 400, zh: '请求格式不正确', en: 'The request is malformed' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, zh: '请先修改初始密码', en: 'Change your initial password first' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的请求内容类型', en: 'Unsupported content type' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '请求内容过大', en: 'The request body is too large' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in first' },
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: '密码错误次数过多，账号已临时锁定，请稍后再试',
    en: 'Too many wrong passwords; the account is locked for a while',
  },
  ACCOUNT_DISABLED: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  WRONG_PASSWORD: { status: 400, zh: '原密码不正确', en: 'The current password is wrong' },
  WEAK_PASSWORD: {
    status: 400,
    zh: '密码至少 8 位，且须包含字母和数字',
    en: 'A password needs at least 8 characters with letters and digits',
  },
  CSRF_FAILED: { status: 403, zh: '请求校验失败，请刷新页面后重试', en: 'Request check failed; reload the page and try again' },
  FORBIDDEN: { status: 403, zh: '您没有执行此操作的权限', en: 'You do not have permission for this action' },
  NOT_FOUND: { status: 404, zh: '未找到该记录', en: 'Record not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  VERSION_CONFLICT: { status: 409, zh: '该记录已被他人修改，请刷新后重试', en: 'Someone else changed this record; reload and try again' },
  DUPLICATE: { status: 409, zh: '已存在相同的记录', en: 'A record with the same key already exists' },
  INVALID_STATE: { status: 409, zh: '当前状态下不能执行此操作', en: 'This action is not possible in the current state' },
  HEARING_CONFLICT: {
    status: 409,
    zh: '排期冲突：法庭或庭审人员在该时段已有安排',
    en: 'Scheduling conflict: the room or someone who must attend is already booked at that time',
  },
  ALREADY_CLAIMED: { status: 409, zh: '该工单已被他人认领', en: 'Someone else has already claimed this work order' },
  NOT_ASSIGNEE: { status: 403, zh: '只有该工单的承办人可以办理', en: 'Only the person the work order is assigned to may handle it' },
  NOT_INITIATOR: { status: 403, zh: '只有工单发起人可以执行此操作', en: 'Only the initiator of the work order may do this' },
  STATION_IN_USE: {
    status: 409,
    zh: '该联络站下仍有协助员或下级联络点，不能删除（可改为停用）',
    en: 'The station still has assistants or child stations and cannot be deleted (deactivate it instead)',
  },
  ASSISTANT_DUPLICATE: {
    status: 409,
    zh: '本院已有该身份证号码的司法协助员',
    en: 'This court already has an assistant with this identity card number',
  },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  INTERNAL: { status: 500, zh: '服务器内部错误，请联系管理员', en: 'Internal server error; contact the administrator' },
  UNAVAILABLE: { status: 503, zh: '服务正在停止或暂不可用', en: 'The service is shutting down or unavailable' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;

/** Codes used for per-field validation details (field-level, not request-level). */
export const FIELD_ERRORS = {
  required: { zh: '必填', en: 'Required' },
  invalid_type: { zh: '类型不正确', en: 'Wrong type' },
  too_small: { zh: '过短或过小', en: 'Too short or too small' },
  too_big: { zh: '过长或过大', en: 'Too long or too large' },
  invalid_format: { zh: '格式不正确', en: 'Wrong format' },
  invalid_value: { zh: '取值不在允许范围内', en: 'Value not allowed' },
  unrecognized_keys: { zh: '包含不允许的字段', en: 'Contains fields that are not allowed' },
  nul_character: { zh: '不能包含空字符', en: 'Must not contain a NUL character' },
  duplicate: { zh: '已存在', en: 'Already exists' },
  court_code: { zh: '法院代字不符合层级规则', en: 'Court code does not follow the level rules' },
  court_parent: { zh: '上级法院层级不正确', en: 'The parent court has the wrong level' },
  custom: { zh: '取值不正确', en: 'Invalid value' },
} as const;

export type FieldErrorCode = keyof typeof FIELD_ERRORS;

export interface FieldProblem {
  /** Dotted location, e.g. `body.name` or `query.pageSize`. */
  field: string;
  code: FieldErrorCode | string;
  message: { zh: string; en: string };
}

/** RFC 9457 problem details, with CourtAssist's stable code and bilingual message. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  message: { zh: string; en: string };
  errors?: FieldProblem[];
  requestId?: string;
  /** Extra facts for the client, e.g. `lockedUntil` or the allowed transitions. */
  meta?: Record<string, unknown>;
}
