/** CodeMirror pieces shared by the editor, the conflict diff and the audit log's change view. */
import { RangeSetBuilder, type Extension } from '@codemirror/state';
import { Decoration, EditorView, lineNumbers, ViewPlugin, WidgetType, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { githubDark, githubLight } from '@uiw/codemirror-theme-github';
import type { Representation } from '@/lib/client/bytes';
import { isTextRepresentation } from '@/lib/client/node-value';
import { asciiOfHexLine, lineLabel } from './hex-ascii';

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
      const ascii = asciiOfHexLine(line.text);
      if (ascii !== null) builder.add(line.to, line.to, Decoration.widget({ widget: new AsciiWidget(ascii), side: 1 }));
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
const hexDump: Extension = [lineNumbers({ formatNumber: (n) => lineLabel(n - 1, true) }), asciiColumnPlugin];

/**
 * Highlighting (the syntax's language, once loaded) for text, a hex dump for hex; text and base64
 * wrap, so that a long one-line value (and each side of a diff) is seen whole.
 */
export function representationExtensions(rep: Representation, language: Extension): Extension {
  if (rep === 'hex') return hexDump;
  return [lineNumbers(), EditorView.lineWrapping, isTextRepresentation(rep) ? language : []];
}
