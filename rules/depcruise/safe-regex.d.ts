// safe-regex ships no types; this is the one function it exports.
declare module 'safe-regex' {
  function safeRegex(pattern: string | RegExp, options?: { limit?: number }): boolean;
  export = safeRegex;
}
