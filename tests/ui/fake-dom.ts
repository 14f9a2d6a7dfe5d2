// Runs in Node (test helper). Just enough of a DOM for react-dom/client to mount components that render
// elements and text, so hooks can be tested under <StrictMode> without a browser: no layout, no events, no CSS.
// Import it before react-dom/client.

export class FakeNode {
  childNodes: FakeNode[] = [];
  parentNode: FakeNode | null = null;
  readonly nodeName: string;
  readonly attributes = new Map<string, string>();
  readonly style: Record<string, string> = {};
  private text = '';

  constructor(
    readonly nodeType: number,
    name: string,
    readonly ownerDocument: FakeDocument | null,
  ) {
    this.nodeName = name.toUpperCase();
  }

  get tagName(): string {
    return this.nodeName;
  }
  get firstChild(): FakeNode | null {
    return this.childNodes[0] ?? null;
  }
  get lastChild(): FakeNode | null {
    return this.childNodes.at(-1) ?? null;
  }
  get nextSibling(): FakeNode | null {
    const siblings = this.parentNode?.childNodes;
    return siblings ? (siblings[siblings.indexOf(this) + 1] ?? null) : null;
  }
  appendChild(child: FakeNode): FakeNode {
    child.parentNode?.removeChild(child);
    this.childNodes.push(child);
    child.parentNode = this;
    return child;
  }
  insertBefore(child: FakeNode, before: FakeNode | null): FakeNode {
    if (!before) return this.appendChild(child);
    child.parentNode?.removeChild(child);
    this.childNodes.splice(this.childNodes.indexOf(before), 0, child);
    child.parentNode = this;
    return child;
  }
  removeChild(child: FakeNode): FakeNode {
    this.childNodes.splice(this.childNodes.indexOf(child), 1);
    child.parentNode = null;
    return child;
  }
  setAttribute(name: string, value: unknown): void {
    this.attributes.set(name, String(value));
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }
  addEventListener(): void {}
  removeEventListener(): void {}
  get nodeValue(): string {
    return this.text;
  }
  set nodeValue(value: string) {
    this.text = value;
  }
  get textContent(): string {
    return this.nodeType === 3 ? this.text : this.childNodes.map((c) => c.textContent).join('');
  }
  set textContent(value: string) {
    if (this.nodeType === 3) {
      this.text = value;
      return;
    }
    for (const child of this.childNodes) child.parentNode = null;
    this.childNodes = [];
    if (value) this.appendChild(this.ownerDocument!.createTextNode(value));
  }
}

export class FakeDocument extends FakeNode {
  readonly documentElement: FakeNode;
  constructor() {
    super(9, '#document', null);
    this.documentElement = new FakeNode(1, 'html', this);
  }
  createElement(name: string): FakeNode {
    return new FakeNode(1, name, this);
  }
  createElementNS(_ns: string, name: string): FakeNode {
    return new FakeNode(1, name, this);
  }
  createTextNode(text: string): FakeNode {
    const node = new FakeNode(3, '#text', this);
    node.textContent = text;
    return node;
  }
}

/** Installs the fake document as the global one (and what react-dom looks for beside it); returns it. */
export function installFakeDom(): FakeDocument {
  const g = globalThis as Record<string, unknown>;
  const document = new FakeDocument();
  g.window = globalThis;
  g.document = document;
  g.navigator ??= { userAgent: 'node' };
  g.HTMLIFrameElement ??= class {};
  // React's act() warns unless told it runs in a test.
  g.IS_REACT_ACT_ENVIRONMENT = true;
  return document;
}
