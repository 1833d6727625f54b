import { connectionContext } from '@/lib/api/context';
import { handle, json } from '@/lib/api/envelope';
import { searchParams } from '@/lib/api/schemas';
import { readKafka, sessionKafkaReader } from '@/lib/kafka/read';

export const dynamic = 'force-dynamic';

export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const root = searchParams(request).root || '/';
    const { session } = await connectionContext(request, (await params).id, 'read');
    return json(await readKafka(sessionKafkaReader(session), root));
  });
}
