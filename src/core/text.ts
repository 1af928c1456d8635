import { noChange } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';

/**
 * `<a ${text(value)}></a>`: the element's whole text, without the comment marker a `${value}` child
 * binding leaves in the DOM. Unlike a `.textContent` binding, a new value goes into the existing
 * text node (`Text.data`): replacing the node makes the browser rebuild that text's layout, which
 * made updating every 10th of 1,000 cards about a tenth slower (see BENCHMARKS.md).
 */
class TextDirective extends Directive {
  private _text?: string;

  render(_value: string | undefined): typeof noChange {
    return noChange;
  }

  override update({ element }: ElementPart, [value = '']: [string | undefined]): typeof noChange {
    if (value !== this._text) {
      this._text = value;
      const node = element.firstChild;
      if (node instanceof Text && !node.nextSibling) node.data = value;
      else element.textContent = value;
    }
    return noChange;
  }
}

export const text = directive(TextDirective);
