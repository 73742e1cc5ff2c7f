import mail = require('../mail/index.js');
// require('../mail') in a comment is not an import, nor is "require('../mail')" in a string.
const text = "require('../mail')";
export = { send: mail.send, text };
