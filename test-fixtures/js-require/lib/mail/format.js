'use strict';
exports.format = (to, text) => `${to}: ${text}`;
