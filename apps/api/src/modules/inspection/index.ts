/**
 * Module `inspection` (质检): rules as data with set-based SQL checks, defects opened and closed
 * by the nightly batch and on save, correction requests (信息补正 work orders), waivers and the
 * case-information completeness rate.
 */

export { type InspectionRouteOptions, inspectionRoutes } from './inspection.routes.js';
export { checkCase, ensureInspectionRules, runInspection, syncCaseDefects } from './inspection.service.js';
