'use strict';
// users does not declare mail: both requires cross the boundary; the second bypasses the public API.
const mail = require('../mail');
const { format } = require('../mail/format.js');

async function register(name) {
  const later = await import('../mail/index.js');
  return [mail.send(name, 'hi'), format(name, 'x'), later.send(name, 'later')];
}

module.exports = { register };
