-- Neovim (0.7.2+) as a second LSP client of the Foundations server: start `node dist/server.js
-- --stdio` with the built-in client, read the diagnostics back, edit the buffer, and (once the
-- server has them) apply a code action. Run by scripts/e2e/neovim.sh:
--   nvim --headless --clean -u NONE -c "luafile scripts/e2e/neovim.lua" <ws>/src/catalog/core/product.ts
-- Environment: FOUNDATIONS_SERVER (dist/server.js), FOUNDATIONS_WS (workspace root),
-- FOUNDATIONS_E2E_OUT (JSON report), FOUNDATIONS_E2E_TIMEOUT_MS (per wait, default 30000).
local server = assert(os.getenv('FOUNDATIONS_SERVER'), 'FOUNDATIONS_SERVER')
local ws = assert(os.getenv('FOUNDATIONS_WS'), 'FOUNDATIONS_WS')
local out = os.getenv('FOUNDATIONS_E2E_OUT') or (ws .. '/neovim-e2e.json')
local timeout = tonumber(os.getenv('FOUNDATIONS_E2E_TIMEOUT_MS') or '30000')

local report = { checks = {}, pending = {}, diagnostics = {}, server_capabilities = vim.NIL }
local failed = 0
local started = vim.loop.hrtime()

local function ms() return math.floor((vim.loop.hrtime() - started) / 1e6) end

local function check(name, ok, detail)
  table.insert(report.checks, { name = name, ok = ok and true or false, detail = detail, at_ms = ms() })
  if not ok then failed = failed + 1 end
  io.stdout:write(string.format('  %s %s%s\n', ok and 'ok  ' or 'FAIL', name, detail and (' — ' .. detail) or ''))
end

local function pending(name, why)
  table.insert(report.pending, { name = name, why = why })
  io.stdout:write(string.format('  skip %s — pending: %s\n', name, why))
end

local function code_of(d)
  if d.code ~= nil then return d.code end
  return d.user_data and d.user_data.lsp and d.user_data.lsp.code or nil
end

--- This server's diagnostics on a buffer (or every buffer with nil), as plain tables.
local function ours(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.source == 'foundations' then
      table.insert(list, {
        file = vim.api.nvim_buf_get_name(d.bufnr),
        line = d.lnum + 1, col = d.col + 1, code = code_of(d), severity = d.severity, message = d.message,
      })
    end
  end
  return list
end

local function has(bufnr, code, line)
  for _, d in ipairs(ours(bufnr)) do
    if d.code == code and (line == nil or d.line == line) then return d end
  end
  return nil
end

local function finish()
  report.elapsed_ms = ms()
  report.failed = failed
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(report))
  f:close()
  local passed = 0
  for _, c in ipairs(report.checks) do if c.ok then passed = passed + 1 end end
  io.stdout:write(string.format('neovim: %d passed, %d failed, %d skipped (%d ms)\n', passed, failed, #report.pending, ms()))
  io.stdout:flush()
  vim.cmd(failed == 0 and 'qall!' or 'cquit! 1')
end

local ok_all, err = pcall(function()
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'foundations',
    cmd = { 'node', server, '--stdio' },
    root_dir = ws,
    workspace_folders = { { uri = vim.uri_from_fname(ws), name = vim.fn.fnamemodify(ws, ':t') } },
    -- Neovim has no workspace trust: say the folder is trusted (or pass nothing for the safe default).
    init_options = { trusted = true },
  })
  check('the server starts over stdio', client_id ~= nil)
  vim.lsp.buf_attach_client(buf, client_id)
  local client
  vim.wait(timeout, function()
    client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized
  end, 20)
  check('initialize handshake', client ~= nil and client.initialized)
  report.server_capabilities = client.server_capabilities or client.resolved_capabilities

  -- Diagnostics of the opened file: product.ts imports orders (undeclared), closing a domain cycle.
  local got = vim.wait(timeout, function() return has(buf, 'cross-domain-import', 4) ~= nil and has(buf, 'domain-cycle', 4) ~= nil end, 50)
  local d = has(buf, 'cross-domain-import', 4)
  check('cross-domain-import and domain-cycle on product.ts:4', got, d and string.format('%d:%d %s', d.line, d.col, d.message) or vim.inspect(ours(buf)))
  check('cross-domain-import starts at column 31 and is an error', d ~= nil and d.col == 31 and d.severity == vim.diagnostic.severity.ERROR)

  -- Whole-workspace diagnostics are pushed for files Neovim never opened.
  local families = { 'public-api-bypass', 'layer-violation', 'database-access-outside-data-layer', 'third-party-outside-adapter', 'unassigned-file' }
  local all_seen = vim.wait(timeout, function()
    for _, code in ipairs(families) do if not has(nil, code) then return false end end
    return true
  end, 50)
  local seen = {}
  for _, code in ipairs(families) do if has(nil, code) then table.insert(seen, code) end end
  check('every rule family across the workspace', all_seen, table.concat(seen, ', '))
  report.diagnostics = ours(nil) -- what Neovim read back, before any edit

  -- Incremental sync from another client: deleting line 4 in the buffer clears the finding, unsaved.
  local line4 = vim.api.nvim_buf_get_lines(buf, 3, 4, false)
  vim.api.nvim_buf_set_lines(buf, 3, 4, false, {})
  check('an unsaved edit clears cross-domain-import', vim.wait(timeout, function() return has(buf, 'cross-domain-import') == nil end, 50))
  vim.api.nvim_buf_set_lines(buf, 3, 3, false, line4)
  check('restoring the line brings it back', vim.wait(timeout, function() return has(buf, 'cross-domain-import', 4) ~= nil end, 50))

  -- Code actions (quick fixes): on as soon as the server advertises them.
  local caps = report.server_capabilities or {}
  if caps.codeActionProvider or caps.code_action then
    -- discounts.ts bypasses catalog's public API; the preferred quick fix rewrites the import.
    local dpath = ws .. '/src/billing/core/discounts.ts'
    vim.cmd('edit ' .. vim.fn.fnameescape(dpath))
    local dbuf = vim.api.nvim_get_current_buf()
    vim.lsp.buf_attach_client(dbuf, client_id)
    check('public-api-bypass is reported in discounts.ts', vim.wait(timeout, function() return has(dbuf, 'public-api-bypass') ~= nil end, 50))
    local target = has(dbuf, 'public-api-bypass')
    local lsp_diags = vim.tbl_filter(function(x) return x.source == 'foundations' and code_of(x) == 'public-api-bypass' end, vim.diagnostic.get(dbuf))
    local params = { textDocument = { uri = vim.uri_from_bufnr(dbuf) } }
    params.range = { start = { line = target.line - 1, character = target.col - 1 }, ['end'] = { line = target.line - 1, character = target.col } }
    -- Neovim 0.7 keeps only part of the LSP diagnostic in user_data: rebuild the one the server sent.
    local function to_lsp(x)
      return {
        range = { start = { line = x.lnum, character = x.col }, ['end'] = { line = x.end_lnum or x.lnum, character = x.end_col or x.col } },
        message = x.message, severity = x.severity, source = x.source,
        code = (x.user_data and x.user_data.lsp and x.user_data.lsp.code) or x.code,
      }
    end
    params.context = { only = { 'quickfix' }, diagnostics = vim.tbl_map(to_lsp, lsp_diags) }
    local responses = vim.lsp.buf_request_sync(dbuf, 'textDocument/codeAction', params, timeout) or {}
    local action
    for _, r in pairs(responses) do
      for _, a in ipairs(r.result or {}) do if a.isPreferred and not action then action = a end end
    end
    local offered = {}
    for _, r in pairs(responses) do
      if r.err then table.insert(offered, 'error: ' .. vim.inspect(r.err)) end
      for _, a in ipairs(r.result or {}) do table.insert(offered, a.title) end
    end
    check('the preferred quick fix is offered for public-api-bypass', action ~= nil, action and action.title or ('offered: ' .. table.concat(offered, ' | ') .. ' for ' .. #lsp_diags .. ' diagnostics'))
    if action and not action.edit and action.data then
      -- Edits are computed on codeAction/resolve when the client supports it.
      local resolved = vim.lsp.buf_request_sync(dbuf, 'codeAction/resolve', action, timeout) or {}
      for _, r in pairs(resolved) do if r.result and r.result.edit then action = r.result end end
    end
    if action and action.edit then
      vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or 'utf-16')
      check('applying it clears the finding', vim.wait(timeout, function() return has(dbuf, 'public-api-bypass') == nil end, 50), action.title)
    else
      check('the quick fix has an edit', false)
    end
  else
    pending('apply a code action', 'the server has no codeActionProvider yet (quick fixes)')
  end

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
end)

if not ok_all then check('no Lua error', false, tostring(err)) end
finish()
