import { expect } from '@open-wc/testing';
import { defineElement } from '../src/core/define.js';
import { captureWarnings } from './fixtures.js';

describe('guarded registration', () => {
  it('defines a tag once, then warns once and throws nothing on later definitions', () => {
    const warnings = captureWarnings();
    try {
      class First extends HTMLElement {}
      class Second extends HTMLElement {}
      defineElement('byline-define-test', First);
      expect(() => defineElement('byline-define-test', Second)).to.not.throw();
      defineElement('byline-define-test', Second);
      expect(customElements.get('byline-define-test')).to.equal(First);
      expect(warnings.messages).to.have.length(1);
      expect(warnings.messages[0]).to.contain('<byline-define-test>');
    } finally {
      warnings.restore();
    }
  });

  it('does not warn when the same class is registered again', () => {
    const warnings = captureWarnings();
    try {
      class Same extends HTMLElement {}
      defineElement('byline-define-same', Same);
      defineElement('byline-define-same', Same);
      expect(warnings.messages).to.have.length(0);
    } finally {
      warnings.restore();
    }
  });
});
