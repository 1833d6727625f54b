import { WrapText } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { LabeledSelect } from '@/components/ui/input';
import { REPRESENTATIONS, type Representation } from '@/lib/client/bytes';
import { formatBytes } from '@/lib/shared/units';
import { isTextRepresentation, type EditableValue } from '@/lib/client/node-value';
import { canPrettyPrint, SYNTAXES, type Syntax } from '@/lib/client/syntax';
import type { DataFormat } from '@/lib/shared/types';

const FORMAT_LABELS: Record<DataFormat, string> = {
  json: 'JSON',
  yaml: 'YAML',
  xml: 'XML',
  properties: 'Properties',
  gzip: 'gzip',
  binary: 'Binary',
  text: 'Text',
  empty: 'Empty',
};

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
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-border px-3 py-1.5">
      <div className="flex items-center gap-1.5 text-xs text-muted">
        {value.gzip && (
          <Badge tone="accent" title={`Stored gzip-compressed (${formatBytes(value.storedSize)}); shown decompressed and compressed again on save`}>
            gzip
          </Badge>
        )}
        <Badge>{FORMAT_LABELS[value.format]}</Badge>
        <span aria-label={`Size: ${formatBytes(size)}${dirty ? ' (unsaved)' : ''}`} title={value.gzip ? `${formatBytes(value.storedSize)} stored compressed` : undefined}>
          {formatBytes(size)}
        </span>
      </div>
      <LabeledSelect label="Show as" value={rep} options={REPRESENTATIONS} onChange={onRep} />
      {isTextRepresentation(rep) && <LabeledSelect label="Syntax" value={syntax} options={SYNTAXES} onChange={onSyntax} />}
      {rep === 'utf-8' && canPrettyPrint(syntax) && (
        <>
          {pretty && (
            <span role="note" className="text-xs text-muted" title="The stored value is unchanged. Saving an edit of this view writes the formatted text.">
              Shown formatted
            </span>
          )}
          <Button size="sm" onClick={onPretty} disabled={dirty} title={dirty ? 'Save or revert first' : undefined}>
            <WrapText aria-hidden />
            {pretty ? 'Show raw' : 'Pretty-print'}
          </Button>
        </>
      )}
    </div>
  );
}
