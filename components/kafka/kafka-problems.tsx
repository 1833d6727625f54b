import { useTranslations } from 'next-intl';
import { DataSection, DataTable } from '@/components/ensemble/data-section';
import { ZnodeLink } from '@/components/ensemble/znode-link';
import { useKafkaMessages } from '@/lib/client/coded-messages';
import type { KafkaProblem } from '@/lib/shared/kafka';

/** Values that could not be decoded, each with the znode that holds it, so it can be inspected raw. */
export function KafkaProblems({ connection, problems }: { connection: string; problems: KafkaProblem[] }) {
  const t = useTranslations('kafka.problems');
  const messages = useKafkaMessages();
  if (problems.length === 0) return null;
  return (
    <DataSection id="problems-heading" title={t('title')}>
      <DataTable columns={[t('columns.znode'), t('columns.what')]}>
        <tbody>
          {problems.map((p, i) => (
            <tr key={`${p.path}:${i}`} className="border-t border-border align-top">
              <th scope="row" className="px-3 py-1.5 text-left font-normal">
                <ZnodeLink connection={connection} path={p.path} />
              </th>
              <td className="px-3 py-1.5">{messages.problem(p)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </DataSection>
  );
}
