import { DataSection, DataTable } from '@/components/ensemble/data-section';
import { ZnodeLink } from '@/components/ensemble/znode-link';
import type { KafkaProblem } from '@/lib/shared/kafka';

const COLUMNS = ['Znode', 'What is wrong with its value'];

/** Values that could not be decoded, each with the znode that holds it, so it can be inspected raw. */
export function KafkaProblems({ connection, problems }: { connection: string; problems: KafkaProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <DataSection id="problems-heading" title="Problems">
      <DataTable columns={COLUMNS}>
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
      </DataTable>
    </DataSection>
  );
}
