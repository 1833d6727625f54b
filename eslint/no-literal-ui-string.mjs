// zooscope/no-literal-ui-string: user-visible text comes from the message catalogs (docs/i18n.md).

/** Props whose string is read or heard by the operator; `options.attributes` replaces the list. */
const UI_ATTRIBUTES = ['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label', 'description', 'hint', 'reloadLabel'];
const TOAST_METHODS = new Set(['success', 'error', 'warning', 'info', 'message']);

/**
 * Words, not symbols or code: two letters in a row, and not a single technical token (a path, a
 * URL, a class name, a key such as "host:port" or "{host}") — those have no spaces but punctuation.
 */
function isWords(text) {
  const t = text.trim();
  if (!/\p{L}{2,}/u.test(t)) return false;
  if (!/\s/.test(t) && /[/:.{}=@_\\#[\]<>]/.test(t)) return false;
  return true;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'User-visible text in components/ and app/ comes from the message catalogs (next-intl), not string literals' },
    messages: {
      literal: 'User-visible text "{{text}}" is a literal: put it in messages/<locale>/<namespace>.json and render it with t() (docs/i18n.md).',
    },
    schema: [
      {
        type: 'object',
        properties: { allow: { type: 'array', items: { type: 'string' } }, attributes: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const options = context.options[0] ?? {};
    const allowed = new Set(options.allow ?? []);
    const attributes = new Set(options.attributes ?? UI_ATTRIBUTES);
    const report = (node, text) => {
      const t = text.trim();
      if (!isWords(t) || allowed.has(t)) return;
      context.report({ node, messageId: 'literal', data: { text: t.length > 40 ? `${t.slice(0, 40)}…` : t } });
    };
    /** The strings an expression can evaluate to, as far as they are written in place. */
    const check = (node) => {
      if (!node) return;
      switch (node.type) {
        case 'Literal':
          if (typeof node.value === 'string') report(node, node.value);
          return;
        case 'TemplateLiteral':
          return report(node, node.quasis.map((q) => q.value.cooked ?? '').join(' '));
        case 'ConditionalExpression':
          check(node.consequent);
          return check(node.alternate);
        case 'LogicalExpression':
          check(node.left);
          return check(node.right);
        case 'BinaryExpression':
          if (node.operator !== '+') return;
          check(node.left);
          return check(node.right);
        case 'JSXExpressionContainer':
          return check(node.expression);
      }
    };
    return {
      JSXText: (node) => report(node, node.value),
      JSXAttribute(node) {
        const name = typeof node.name.name === 'string' ? node.name.name : node.name.name?.name;
        if (attributes.has(name)) check(node.value);
      },
      JSXExpressionContainer(node) {
        if (node.parent.type === 'JSXElement' || node.parent.type === 'JSXFragment') check(node.expression);
      },
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'toast' && TOAST_METHODS.has(callee.property.name)) {
          check(node.arguments[0]);
        }
      },
    };
  },
};

export default rule;
