import { ZnodeLink } from '@/components/ensemble/znode-link';
import type { KafkaProblem } from '@/lib/kafka/model';

/** Values that could not be decoded, each with the znode that holds it, so it can be inspected raw. */
export function KafkaProblems({ connection, problems }: { connection: string; problems: KafkaProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <section aria-labelledby="problems-heading" className="space-y-2">
      <h2 id="problems-heading" className="text-base font-semibold">
        Problems
      </h2>
      <div className="overflow-x-auto rounded-lg border border-warn/40 bg-panel">
        <table className="w-full text-sm">
          <thead className="bg-warn-soft text-xs text-muted">
            <tr>
              <th scope="col" className="px-3 py-2 text-left font-medium">
                Znode
              </th>
              <th scope="col" className="px-3 py-2 text-left font-medium">
                What is wrong with its value
              </th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={`${p.path}:${i}`} className="border-t border-border align-top">
                <th scope="row" className="px-3 py-1.5 text-left font-normal">
                  <ZnodeLink connection={connection} path={p.path} />
                </th>
                <td className="px-3 py-1.5">{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
