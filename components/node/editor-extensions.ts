/** CodeMirror pieces shared by the editor and the conflict diff. */
import { json } from '@codemirror/lang-json';
import { xml } from '@codemirror/lang-xml';
import { yaml } from '@codemirror/lang-yaml';
import { StreamLanguage } from '@codemirror/language';
import { RangeSetBuilder, type Extension } from '@codemirror/state';
import { Decoration, EditorView, lineNumbers, ViewPlugin, WidgetType, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { githubDark, githubLight } from '@uiw/codemirror-theme-github';
import { asciiColumn, HEX_BYTES_PER_LINE, type Representation } from '@/lib/client/bytes';
import { isTextRepresentation } from '@/lib/client/node-value';
import type { Syntax } from '@/lib/client/syntax';

/** Java .properties: comments, keys, separators and values. */
const properties = StreamLanguage.define<{ inValue: boolean }>({
  name: 'properties',
  startState: () => ({ inValue: false }),
  token(stream, state) {
    if (stream.sol()) {
      state.inValue = false;
      stream.eatSpace();
      if (stream.peek() === '#' || stream.peek() === '!') {
        stream.skipToEnd();
        return 'comment';
      }
    }
    if (state.inValue) {
      stream.skipToEnd();
      return 'string';
    }
    if (stream.match(/^(?:\\.|[^=:\s\\])+/)) return 'propertyName';
    if (stream.match(/^\s*[=:]\s*/) || stream.match(/^\s+/)) {
      state.inValue = true;
      return 'operator';
    }
    stream.next();
    return null;
  },
});

export function languageFor(syntax: Syntax): Extension {
  switch (syntax) {
    case 'json':
      return json();
    case 'yaml':
      return yaml();
    case 'xml':
      return xml();
    case 'properties':
      return properties;
    case 'text':
      return [];
  }
}

export function themeFor(dark: boolean): Extension {
  return dark ? githubDark : githubLight;
}

/** The editor's accessible name (CodeMirror's content element is the textbox). */
export function accessibleName(label: string): Extension {
  return EditorView.contentAttributes.of({ 'aria-label': label });
}

class AsciiWidget extends WidgetType {
  constructor(readonly text: string) {
    super();
  }
  eq(other: AsciiWidget) {
    return other.text === this.text;
  }
  toDOM() {
    const span = document.createElement('span');
    span.className = 'cm-hex-ascii';
    span.setAttribute('aria-hidden', 'true');
    span.textContent = this.text;
    return span;
  }
  ignoreEvent() {
    return true;
  }
}

/** The hex dump's right-hand column, drawn beside each line (not part of the text). */
function asciiDecorations(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to; ) {
      const line = view.state.doc.lineAt(pos);
      const digits = line.text.replace(/\s+/g, '');
      if (digits.length > 0 && digits.length % 2 === 0 && /^[0-9a-fA-F]+$/.test(digits)) {
        const bytes = digits.match(/../g)!.map((h) => parseInt(h, 16));
        const pad = ' '.repeat(Math.max(0, HEX_BYTES_PER_LINE - bytes.length) * 3);
        builder.add(line.to, line.to, Decoration.widget({ widget: new AsciiWidget(`${pad}${asciiColumn(bytes)}`), side: 1 }));
      }
      pos = line.to + 1;
    }
  }
  return builder.finish();
}

const asciiColumnPlugin = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = asciiDecorations(view);
    }
    update(update: ViewUpdate) {
      if (update.docChanged || update.viewportChanged) this.decorations = asciiDecorations(update.view);
    }
  },
  { decorations: (v) => v.decorations },
);

/** Offsets in the gutter (16 bytes a line) and the ASCII column: a hex dump that stays editable. */
const hexDump: Extension = [lineNumbers({ formatNumber: (n) => ((n - 1) * HEX_BYTES_PER_LINE).toString(16).padStart(6, '0') }), asciiColumnPlugin];

/** Highlighting for text, a hex dump for hex, wrapping for base64. */
export function representationExtensions(rep: Representation, syntax: Syntax): Extension {
  if (rep === 'hex') return hexDump;
  if (rep === 'base64') return [lineNumbers(), EditorView.lineWrapping];
  return [lineNumbers(), isTextRepresentation(rep) ? languageFor(syntax) : []];
}
