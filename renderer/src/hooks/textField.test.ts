import { describe, expect, it } from 'vitest';
import { isTextField } from './textField.ts';

describe('isTextField', () => {
  it('accepts inputs that hold text, textareas and contenteditable elements', () => {
    expect(isTextField({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isTextField({ tagName: 'INPUT', type: 'search' })).toBe(true);
    expect(isTextField({ tagName: 'INPUT', type: 'number' })).toBe(true);
    expect(isTextField({ tagName: 'input' })).toBe(true);
    expect(isTextField({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTextField({ tagName: 'DIV', isContentEditable: true })).toBe(true);
  });

  it('rejects buttons, checkboxes, selects, plain elements and non-elements', () => {
    expect(isTextField({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTextField({ tagName: 'INPUT', type: 'Range' })).toBe(false);
    expect(isTextField({ tagName: 'BUTTON', type: 'button' })).toBe(false);
    expect(isTextField({ tagName: 'SELECT' })).toBe(false);
    expect(isTextField({ tagName: 'DIV', isContentEditable: false })).toBe(false);
    expect(isTextField(null)).toBe(false);
    expect(isTextField('input')).toBe(false);
  });
});
