// Turns zod issues into field errors with stable codes the renderer can translate.
import type { z } from 'zod';
import type { FieldError } from './result';

// Our own refinements put a dotted code (e.g. "ins.key_mismatch") in the issue message;
// zod's built-in issues are mapped to a small set of generic codes.
const OWN_CODE = /^[a-z_]+(\.[a-z_]+)+$/;

function codeOf(issue: z.core.$ZodIssue): string {
  if (OWN_CODE.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'field.required' : 'field.invalid_type';
    case 'too_small':
      return issue.minimum === 1 && issue.origin === 'string' ? 'field.required' : 'field.too_small';
    case 'too_big':
      return 'field.too_long';
    case 'invalid_format':
      return 'field.invalid_format';
    case 'invalid_value':
      return issue.input === '' || issue.input === undefined ? 'field.required' : 'field.invalid_choice';
    case 'unrecognized_keys':
      return 'field.unknown';
    default:
      return 'field.invalid';
  }
}

// One error per field, the first zod found: an empty name is "required", not also "invalid characters".
export function toFieldErrors(error: z.ZodError, prefix: readonly PropertyKey[] = []): FieldError[] {
  const byPath = new Map<string, FieldError>();
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path].map(String).join('.');
    if (byPath.has(path)) continue;
    const fieldError: FieldError = { path, code: codeOf(issue) };
    if ((issue.code === 'too_big' || issue.code === 'too_small') && fieldError.code !== 'field.required') {
      fieldError.params = { limit: Number(issue.code === 'too_big' ? issue.maximum : issue.minimum) };
    }
    // Our own refinements may carry their figures (a range's limits) for the sentence shown.
    if (issue.code === 'custom' && issue.params) fieldError.params = issue.params as FieldError['params'];
    byPath.set(path, fieldError);
  }
  return [...byPath.values()];
}

// Parses with the input kept on each issue (zod drops it by default), so that a missing
// value reads "required" rather than "invalid type". The input never leaves this function.
export function parseWithFieldErrors<S extends z.ZodType>(
  schema: S,
  data: unknown,
): { success: true; data: z.output<S> } | { success: false; fields: FieldError[] } {
  const parsed = schema.safeParse(data, { reportInput: true });
  return parsed.success
    ? { success: true, data: parsed.data }
    : { success: false, fields: toFieldErrors(parsed.error) };
}
