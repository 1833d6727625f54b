/**
 * Joins class names (clsx). Nothing is merged: when two classes set the same property, which one
 * wins depends on the stylesheet, not on their order here, so a component's variants and its
 * callers replace classes (one branch or the other) rather than append conflicting ones.
 */
export { clsx as cn } from 'clsx';
