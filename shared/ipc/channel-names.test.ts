import { describe, expect, it } from 'vitest';
import { eventChannelNames, requestChannelNames } from './channel-names.js';
import { eventChannels, requestChannels } from './contract.js';

describe('channel names', () => {
  it('lists exactly the contract channels', () => {
    expect([...requestChannelNames].sort()).toEqual([...requestChannels].sort());
  });

  it('lists exactly the contract events', () => {
    expect([...eventChannelNames].sort()).toEqual([...eventChannels].sort());
  });
});
