exports.up = function (knex) {
  return knex.schema.createTable('accounts', (t) => {
    t.string('id').primary();
    t.string('email').notNullable();
  });
};

exports.down = function (knex) {
  return knex.schema.dropTable('accounts');
};
