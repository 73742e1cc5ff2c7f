exports.up = async (knex) => {
  await knex.schema.createTable('invoices', (t) => t.increments('id'));
};

exports.down = async () => {};
