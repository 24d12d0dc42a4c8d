import { useState } from 'preact/hooks';
import { useAppServices } from '../app-services';
import { callApi, type ParseAnswer } from '../server-copy/server-copy';
import { problemsOf, type Problems } from './admin-users';

export interface AdminRequest<T> {
  method: 'POST' | 'PATCH';
  path: string;
  body: unknown;
  parse: ParseAnswer<T>;
}

/**
 * One write of the administration API: online only (users live on the server). Offline it says
 * so at once instead of trying; a refusal comes back as problems per field.
 */
export function useAdminAction() {
  const { db, baseUrl } = useAppServices();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problems | null>(null);

  async function run<T>(request: AdminRequest<T>): Promise<T | null> {
    if (busy) return null;
    if (!navigator.onLine) {
      setProblems({ fields: {}, form: 'connection' });
      return null;
    }
    setBusy(true);
    setProblems(null);
    const result = await callApi(db, baseUrl, request);
    setBusy(false);
    if (result.ok) return result.value;
    setProblems(problemsOf(result.failure));
    return null;
  }

  return { busy, problems, setProblems, run };
}
