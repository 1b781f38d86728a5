// The contract's channel and event names as plain data, for code that must not carry zod: the
// sandboxed preload is one file loaded into every window, a few KB with these lists instead of
// 750 KB with the contract's schemas. The compiler rejects a list with a name missing or unknown,
// and a test compares both lists with the contract's own.
import type { EventChannel, RequestChannel } from './contract.js';

/** A list of every member of T: a missing member is a type error naming it. */
function everyOf<T extends string>() {
  return <const L extends readonly T[]>(
    list: L &
      ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> }),
  ): readonly T[] => list;
}

export const requestChannelNames = everyOf<RequestChannel>()([
  'jobs:submit',
  'jobs:list',
  'jobs:get',
  'jobs:cancel',
  'jobs:retry',
  'jobs:useStandardTier',
  'jobs:followUp',
  'jobs:attach',
  'jobs:delete',
  'jobs:search',
  'jobs:export',
  'jobs:spend',
  'budget:get',
  'models:list',
  'providers:list',
  'providers:save',
  'providers:remove',
  'templates:list',
  'templates:save',
  'templates:remove',
  'settings:get',
  'settings:update',
  'keys:status',
  'keys:set',
  'keys:clear',
  'keys:test',
  'app:info',
  'app:openExternal',
]);

export const eventChannelNames = everyOf<EventChannel>()([
  'jobs:changed',
  'jobs:text',
  'jobs:terminal',
  'jobs:deleted',
  'budget:reached',
  'app:showJob',
]);
