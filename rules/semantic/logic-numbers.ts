// A plain require: the namespace import's getters cost a quarter of the walk's time on hot paths.
import ts = require('typescript');
import { unwrap } from './syntax';

/** Unit conversions (percent, milliseconds, minutes, days…): scaling by these computes nothing. */
export const CONVERSIONS = new Set([0, 1, -1, 10, 100, 1000, 60, 24, 7, 12, 30, 365, 3600, 86400, 60000, 3600000, 86400000, 604800000, 1e6]);
/** In a comparison only these are trivial: "is there any", "is it empty". */
const TRIVIAL_BOUNDS = new Set([0, 1, -1]);

/** A number that reads as a rate or a factor: 0.19, 1.5. */
export function isFraction(v: number): boolean {
  const a = Math.abs(v);
  return (a > 0 && a < 1) || (a > 1 && a < 3 && !Number.isInteger(a));
}

export function containsFraction(node: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node) => {
    if (found) return;
    if (ts.isNumericLiteral(n) && isFraction(Number(n.text))) found = true;
    else if (!ts.isFunctionLike(n)) ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/**
 * The numbers of one file that business logic is written with: its numeric constants, its tables
 * of rates, and the variables that hold a rate wherever they are declared.
 */
export class FileNumbers {
  /** `const MAX = 5_000` and products of such. */
  private readonly constants = new Map<string, number>();
  /** Module-level objects or arrays holding rates (fractions): `VAT = { DE: 0.19 }`, `BREAKS = [{ off: 0.15 }]`. */
  readonly rateTables = new Set<string>();
  /** A choice between fractions, a lookup in a rate table, a sum of rates. A product or a rounding of a rate is an amount, not a rate. */
  private readonly rateVariables = new Set<string>();
  /**
   * Each expression's answer, once the rate variables are known (while they are being found an answer
   * may still change): a chain `a ? x : b ? y : …` asks for the same tails again at every level.
   */
  private rates: Map<ts.Node, boolean> | undefined;

  constructor(sf: ts.SourceFile) {
    this.readModuleConstants(sf);
    // Rates are written with a decimal point somewhere in the file (0.19, 1.5): without one there is nothing to find.
    if (/(?:^|[^\w.])\d*\.\d/.test(sf.text)) this.findRateVariables(sf);
    this.rates = new Map();
  }

  /** The value of a numeric literal, of a module constant, or of a product of such. */
  value(node: ts.Expression | undefined): number | undefined {
    if (!node) return undefined;
    node = unwrap(node);
    if (ts.isNumericLiteral(node)) return Number(node.text);
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken) {
      const v = this.value(node.operand);
      return v === undefined ? undefined : -v;
    }
    if (ts.isIdentifier(node)) return this.constants.get(node.text);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AsteriskToken) {
      const a = this.value(node.left);
      const b = this.value(node.right);
      return a !== undefined && b !== undefined ? a * b : undefined;
    }
    return undefined;
  }

  /** A business constant in a comparison or a cap: a literal or an UPPER_CASE constant that is not trivial. */
  bound(node: ts.Expression): { text: string; value?: number } | undefined {
    node = unwrap(node);
    const v = this.value(node);
    if (v !== undefined) return TRIVIAL_BOUNDS.has(v) ? undefined : { text: ts.isIdentifier(node) ? node.text : String(v), value: v };
    if (ts.isIdentifier(node) && /^[A-Z][A-Z0-9_]*$/.test(node.text) && node.text.length > 1) return { text: node.text };
    return undefined;
  }

  holdsRate(name: string): boolean {
    return this.rateVariables.has(name);
  }

  /** Whether an expression's value is a rate. */
  isRate(node: ts.Expression): boolean {
    node = unwrap(node);
    let rate = this.rates?.get(node);
    if (rate === undefined) {
      rate = this.computeIsRate(node);
      this.rates?.set(node, rate);
    }
    return rate;
  }

  private computeIsRate(node: ts.Expression): boolean {
    const v = this.value(node);
    if (v !== undefined) return isFraction(v);
    if (ts.isIdentifier(node)) return this.rateVariables.has(node.text) || this.rateTables.has(node.text);
    if (ts.isConditionalExpression(node)) return this.ratesOrNumbers([node.whenTrue, node.whenFalse]);
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) return this.isRate(node.left);
      if (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.MinusToken) return this.ratesOrNumbers([node.left, node.right]);
      // A rate scaled by a constant is still a rate (an annual rate / 12).
      if (op === ts.SyntaxKind.SlashToken) return this.isRate(node.left) && this.value(node.right) !== undefined;
      if (op === ts.SyntaxKind.AsteriskToken) {
        return (this.isRate(node.left) && this.value(node.right) !== undefined) || (this.isRate(node.right) && this.value(node.left) !== undefined);
      }
      return false;
    }
    if (ts.isElementAccessExpression(node)) {
      const table = unwrap(node.expression);
      return (ts.isIdentifier(table) && this.rateTables.has(table.text)) || (ts.isObjectLiteralExpression(table) && containsFraction(table)) || (ts.isArrayLiteralExpression(table) && containsFraction(table));
    }
    if (ts.isPropertyAccessExpression(node)) {
      const object = unwrap(node.expression);
      return ts.isIdentifier(object) && this.rateVariables.has(object.text);
    }
    if (ts.isCallExpression(node)) {
      const callee = unwrap(node.expression);
      // A row picked from a rate table: BREAKS.find(…), TABLE.at(-1).
      if (ts.isPropertyAccessExpression(callee)) {
        const object = unwrap(callee.expression);
        if (ts.isIdentifier(object) && this.rateTables.has(object.text)) return true;
      }
      if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Math' && (callee.name.text === 'min' || callee.name.text === 'max')) {
        return node.arguments.some((a) => this.isRate(a));
      }
    }
    return false;
  }

  /** At least one rate, and nothing but rates and numbers. */
  private ratesOrNumbers(sides: ts.Expression[]): boolean {
    return sides.some((e) => this.isRate(e)) && sides.every((e) => this.isRate(e) || this.value(e) !== undefined);
  }

  private readModuleConstants(sf: ts.SourceFile): void {
    for (const statement of sf.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const decl of statement.declarationList.declarations) {
        if (!ts.isIdentifier(decl.name) || !decl.initializer) continue;
        const v = this.value(decl.initializer);
        if (v !== undefined) this.constants.set(decl.name.text, v);
        else if (containsFraction(decl.initializer) && !ts.isArrowFunction(decl.initializer) && !ts.isFunctionExpression(decl.initializer)) this.rateTables.add(decl.name.text);
      }
    }
  }

  private findRateVariables(sf: ts.SourceFile): void {
    const candidates: [string, ts.Expression][] = [];
    const collect = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.VariableDeclaration) {
        const decl = node as ts.VariableDeclaration;
        if (ts.isIdentifier(decl.name) && decl.initializer && !ts.isFunctionLike(decl.initializer)) candidates.push([decl.name.text, decl.initializer]);
      } else if (node.kind === ts.SyntaxKind.BinaryExpression) {
        const e = node as ts.BinaryExpression;
        const op = e.operatorToken.kind;
        if (ts.isIdentifier(e.left) && (op === ts.SyntaxKind.EqualsToken || op === ts.SyntaxKind.PlusEqualsToken || op === ts.SyntaxKind.MinusEqualsToken)) candidates.push([e.left.text, e.right]);
      }
      ts.forEachChild(node, collect);
    };
    collect(sf);
    // Twice, so a rate assigned after its first use (`let f = 1; … f = 0.5`) is known everywhere.
    for (let pass = 0; pass < 2; pass++) for (const [name, value] of candidates) if (!this.rateVariables.has(name) && this.isRate(value)) this.rateVariables.add(name);
  }
}
