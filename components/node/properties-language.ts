/** Java .properties for CodeMirror: comments, keys, separators and values. */
import { StreamLanguage } from '@codemirror/language';

export const properties = StreamLanguage.define<{ inValue: boolean }>({
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
