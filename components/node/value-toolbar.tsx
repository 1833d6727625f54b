import { WrapText } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { LabeledSelect } from '@/components/ui/input';
import { REPRESENTATIONS, type Representation } from '@/lib/client/bytes';
import { useFormat } from '@/lib/client/format';
import { isTextRepresentation, type EditableValue } from '@/lib/client/node-value';
import { canPrettyPrint, SYNTAXES, type Syntax } from '@/lib/client/syntax';

interface ValueToolbarProps {
  value: EditableValue;
  /** The size of the value being edited (the unsaved one while there is an edit). */
  size: number;
  rep: Representation;
  syntax: Syntax;
  pretty: boolean;
  dirty: boolean;
  onRep(rep: Representation): void;
  onSyntax(syntax: Syntax): void;
  onPretty(): void;
}

export function ValueToolbar({ value, size, rep, syntax, pretty, dirty, onRep, onSyntax, onPretty }: ValueToolbarProps) {
  const t = useTranslations('node.toolbar');
  const format = useFormat();
  // Names of formats stay as they are; "Plain text" is words.
  const syntaxes = SYNTAXES.map((s) => (s.value === 'text' ? { ...s, label: t('plainText') } : s));
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-border px-3 py-1.5">
      <div className="flex items-center gap-1.5 text-xs text-muted">
        {value.gzip && (
          <Badge tone="accent" title={t('gzipTitle', { size: format.bytes(value.storedSize) })}>
            {t('formats.gzip')}
          </Badge>
        )}
        <Badge>{t(`formats.${value.format}`)}</Badge>
        <span aria-label={dirty ? t('sizeUnsaved', { size: format.bytes(size) }) : t('size', { size: format.bytes(size) })} title={value.gzip ? t('storedCompressed', { size: format.bytes(value.storedSize) }) : undefined}>
          {format.bytes(size)}
        </span>
      </div>
      <LabeledSelect label={t('showAs')} value={rep} options={REPRESENTATIONS} onChange={onRep} />
      {isTextRepresentation(rep) && <LabeledSelect label={t('syntax')} value={syntax} options={syntaxes} onChange={onSyntax} />}
      {rep === 'utf-8' && canPrettyPrint(syntax) && (
        <>
          {pretty && (
            <span role="note" className="text-xs text-muted" title={t('formattedTitle')}>
              {t('formatted')}
            </span>
          )}
          <Button size="sm" onClick={onPretty} disabled={dirty} title={dirty ? t('saveFirst') : undefined}>
            <WrapText aria-hidden />
            {pretty ? t('showRaw') : t('pretty')}
          </Button>
        </>
      )}
    </div>
  );
}
