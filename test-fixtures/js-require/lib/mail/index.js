'use strict';
const { format } = require('./format');

exports.send = (to, text) => format(to, text);
