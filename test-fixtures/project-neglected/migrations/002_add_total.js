exports.up = async (knex) => {
  await knex.schema.alterTable('invoices', (t) => t.integer('total'));
};
