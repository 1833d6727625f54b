/**
 * The server's health and Kafka messages in the dashboard's language. The API keeps its English
 * sentences (a stable contract) and names each by a `code` with `params`; the browser renders the
 * code from its catalog (`ensemble` and `kafka` namespaces) and falls back to the server's English
 * for a code it does not know (a newer server).
 */
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { EnsembleServer, HealthProblem, MessageParams } from '@/lib/shared/ensemble';
import type { KafkaProblem } from '@/lib/shared/kafka';
import type { KafkaFinding } from './kafka';

/** The part of next-intl's `t` used here, loosely typed: the keys come from the wire at run time. */
export interface LooseTranslator {
  (key: string, values?: MessageParams): string;
  has(key: string): boolean;
}

/** The catalog's sentence `group.code`, or the server's English when it names no code or one the catalog does not know. */
export function byCode(t: LooseTranslator, group: string, code: string | undefined, params: MessageParams | undefined, english: string): string {
  const key = `${group}.${code}`;
  return code && t.has(key) ? t(key, params) : english;
}

/** Why a server could not be read; the English detail stays inside where the catalog keeps it. */
export function serverErrorText(t: LooseTranslator, code: string | undefined, english: string): string {
  return byCode(t, 'serverErrors', code, { detail: english }, english);
}

/** A health problem, with the server's own reason translated when its code is known. */
export function healthProblemText(t: LooseTranslator, problem: HealthProblem): string {
  const params = problem.params;
  const reasonCode = params?.reasonCode;
  const withReason =
    params && typeof reasonCode === 'string' && reasonCode !== 'none'
      ? { ...params, reason: serverErrorText(t, reasonCode === 'other' ? undefined : reasonCode, String(params.reason)) }
      : params;
  return byCode(t, 'problems', problem.code, withReason, problem.message);
}

/** What to change in zoo.cfg for a server read without the full metrics. */
export function sourceHintText(t: LooseTranslator, server: Pick<EnsembleServer, 'hint' | 'hintCode' | 'hintParams'>): string | null {
  if (!server.hint) return null;
  return byCode(t, 'hints', server.hintCode, server.hintParams, server.hint);
}

export function kafkaProblemText(t: LooseTranslator, problem: KafkaProblem): string {
  return byCode(t, 'problems', problem.code, problem.params, problem.message);
}

/** A finding of the Kafka verdict (lib/client/kafka.ts). */
export function kafkaFindingText(t: LooseTranslator, finding: KafkaFinding): string {
  return t(`findings.${finding.code}`, finding.values);
}

/** The renderers bound to the `ensemble` catalog. */
export function useEnsembleMessages() {
  const t = useTranslations('ensemble') as unknown as LooseTranslator;
  return useMemo(
    () => ({
      problem: (p: HealthProblem) => healthProblemText(t, p),
      serverError: (s: Pick<EnsembleServer, 'error' | 'errorCode'>) => (s.error ? serverErrorText(t, s.errorCode, s.error) : null),
      hint: (s: Pick<EnsembleServer, 'hint' | 'hintCode' | 'hintParams'>) => sourceHintText(t, s),
    }),
    [t],
  );
}

/** The renderers bound to the `kafka` catalog. */
export function useKafkaMessages() {
  const t = useTranslations('kafka') as unknown as LooseTranslator;
  return useMemo(() => ({ problem: (p: KafkaProblem) => kafkaProblemText(t, p), finding: (f: KafkaFinding) => kafkaFindingText(t, f) }), [t]);
}
