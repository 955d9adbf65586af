import { ExpertEntrySchema, type Expert, type ExpertEntry } from '../../core/expert.js';
import type { OpenApiCall } from '../../net/openapi-call.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { artifactText } from '../../core/artifact.js';
import { textOutput } from '../shared/write-output.js';
import { defaultPolicy, fetchWithPolicy, type NetAccess } from '../../net/http-policy.js';
import { textArgument } from './remote-task-type.js';
import { requireApproval } from '../shared/guards.js';
import { requireCredential } from '../../config/credential.js';

/**
 * Calls an imported OpenAPI operation over HTTP: path parameters substituted, query and
 * header parameters set, the rest sent as a JSON body; the credential read from the
 * environment variable the import named (never logged or recorded). Operations other
 * than GET and HEAD change state and need approval.
 */
export function openApiExpert(raw: ExpertEntry, access: NetAccess = {}): Expert {
  const entry = ExpertEntrySchema.parse(raw);
  const call = JSON.parse(entry.provider.call ?? '{}') as OpenApiCall;
  const text = textArgument(entry);
  const name = `${call.method} ${call.baseUrl}${call.path}`;
  return {
    entry,
    ...(call.readOnly ? {} : { changesState: `${name}` }),
    async check() {
      if (call.auth && !process.env[call.auth.env]) return { runnable: false, reason: `the credential variable ${call.auth.env} is not set`, fix: `export ${call.auth.env}=...` };
      return { runnable: true };
    },
    async run(ctx) {
      if (!call.readOnly) requireApproval(ctx, `${entry.id} (${call.method})`);
      const values: Record<string, unknown> = { ...ctx.params };
      if (text && ctx.inputs[text]) values[text] = artifactText(ctx.inputs[text]) ?? '';
      let path = call.path;
      const url = new URL(call.baseUrl);
      const headers: Record<string, string> = { accept: 'application/json' };
      const body: Record<string, unknown> = {};
      for (const p of call.params) {
        const v = values[p.name];
        if (v === undefined) continue;
        if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(String(v)));
        else if (p.in === 'query') url.searchParams.set(p.name, String(v));
        else if (p.in === 'header') headers[p.name] = String(v);
        else body[p.name] = v;
      }
      if (/\{[^}]+\}/.test(path)) throw new TroupeError(ErrorCode.InvalidPlan, `${entry.id}: no value for the path parameter in ${path}`);
      if (call.auth) {
        const secret = requireCredential(call.auth.env, entry.id);
        headers[call.auth.scheme === 'header' ? call.auth.header! : 'authorization'] = call.auth.scheme === 'header' ? secret : `Bearer ${secret}`;
      }
      const full = new URL(url.pathname.replace(/\/$/, '') + path + url.search, url);
      const hasBody = Object.keys(body).length > 0;
      const response = await fetchWithPolicy(
        full.href,
        { method: call.method, headers: { ...headers, ...(hasBody ? { 'content-type': 'application/json' } : {}) }, ...(hasBody ? { body: JSON.stringify(body) } : {}) },
        name,
        { ...defaultPolicy(access), signal: ctx.signal },
      );
      const out = await response.text();
      return textOutput(ctx, out, `${call.method} ${full.pathname} → ${response.status}`);
    },
  };
}
