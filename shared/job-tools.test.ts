// A job's tools against its model: deep research gets web search by default and refuses tools with
// no data source, a model refuses tools it does not take, and MCP URLs must be https (or loopback).
import { describe, expect, it } from 'vitest';
import { JobTools, mcpUrlProblem } from './job-tools.js';
import { NewJob } from './job.js';
import { checkJobTools, findModel, type ModelInfo } from './models.js';

const none = { webSearch: false, codeInterpreter: false, vectorStoreIds: [], mcpServers: [] };

describe('checkJobTools', () => {
  it('gives a deep-research job web search when it names no tools', () => {
    expect(checkJobTools('o3-deep-research', undefined)).toEqual({
      tools: { ...none, webSearch: true },
    });
    expect(checkJobTools('o4-mini-deep-research-2025-06-26', { maxToolCalls: 5 })).toEqual({
      tools: { ...none, webSearch: true, maxToolCalls: 5 },
    });
  });

  it('keeps the data source a deep-research job names, without adding web search', () => {
    expect(checkJobTools('o3-deep-research', { vectorStoreIds: ['vs_1'] })).toEqual({
      tools: { ...none, vectorStoreIds: ['vs_1'] },
    });
  });

  it('refuses a deep-research job with tools but no data source, saying why', () => {
    const checked = checkJobTools('o3-deep-research', { codeInterpreter: true });
    expect(checked).toEqual({
      refused:
        'o3 deep research needs a data source to research: web search, a file search vector store or an MCP server (code interpreter alone is not one).',
    });
  });

  it('sends no tools for other models unless asked, and takes the ones asked', () => {
    expect(checkJobTools('gpt-4.1', undefined)).toEqual({ tools: null });
    expect(checkJobTools('gpt-4.1', { webSearch: true })).toEqual({
      tools: { ...none, webSearch: true },
    });
  });

  it('refuses a tool the model does not take, naming the ones it does', () => {
    expect(checkJobTools('gpt-5-pro', { codeInterpreter: true })).toEqual({
      refused:
        'GPT-5 pro does not take code interpreter; it takes web search, file search, MCP servers.',
    });
  });

  it('refuses any tool for a model that takes none', () => {
    const base = findModel('gpt-4.1') as ModelInfo;
    const toolless: ModelInfo = { ...base, label: 'Plain model', tools: [] };
    expect(checkJobTools('plain', { webSearch: true }, toolless)).toEqual({
      refused: 'Plain model takes no tools; remove web search.',
    });
    expect(checkJobTools('plain', undefined, toolless)).toEqual({ tools: null });
  });

  it('passes an unknown model (a custom deployment) what was asked', () => {
    expect(checkJobTools('my-azure-deployment', { codeInterpreter: true })).toEqual({
      tools: { ...none, codeInterpreter: true },
    });
  });

  it('refuses a tool-call cap with no tool to cap', () => {
    expect(checkJobTools('gpt-4.1', { maxToolCalls: 3 })).toEqual({
      refused: 'A maximum number of tool calls needs at least one tool to limit.',
    });
  });

  it('refuses a malformed MCP server with its sentence', () => {
    expect(checkJobTools('gpt-4.1', { mcpServers: [{ label: 'bad', url: 'notaurl' }] })).toEqual({
      refused: "The MCP server URL 'notaurl' is not a URL; give one like https://example.com/mcp.",
    });
  });
});

describe('MCP server URLs', () => {
  it('takes https anywhere and http only to this machine', () => {
    expect(mcpUrlProblem('https://example.com/mcp')).toBeUndefined();
    expect(mcpUrlProblem('http://127.0.0.1:8080/mcp')).toBeUndefined();
    expect(mcpUrlProblem('http://localhost/mcp')).toBeUndefined();
    expect(mcpUrlProblem('http://[::1]:9000/')).toBeUndefined();
    expect(mcpUrlProblem('http://example.com/mcp')).toBe(
      "The MCP server URL 'http://example.com/mcp' must use https (plain http only to this machine).",
    );
    expect(mcpUrlProblem('ftp://example.com/')).toMatch(/must use https/);
  });

  it('is checked when a NewJob is parsed, before anything is stored', () => {
    const parsed = NewJob.safeParse({
      prompt: 'x',
      model: 'gpt-4.1',
      tools: { mcpServers: [{ label: 'docs', url: 'http://example.com' }] },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/must use https/);
  });

  it('labels start with a letter', () => {
    expect(JobTools.safeParse({ mcpServers: [{ label: '9x', url: 'https://a.b' }] }).success).toBe(
      false,
    );
  });
});
