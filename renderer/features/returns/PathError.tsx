// The API's message for one nested input ("lines.2.restockQty"), right under it.
import { ErrorText } from '../../components/Field';

export function PathError({ path, errors }: { path: string; errors: Record<string, string> }) {
  const m = errors[path];
  return m ? <ErrorText name={path} message={m} /> : null;
}
