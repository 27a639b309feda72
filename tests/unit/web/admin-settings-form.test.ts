// The site settings form: every setting one line, labels in the texts, and the checks of the
// domain, year, URL, time zone, moderation mode and sidebar poll.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSettingsForm, SETTING_FIELDS, SETTING_LABELS } from '../../../src/web/forms/admin-settings-form.js';
import { COMMENTS_MESSAGES } from '../../../src/web/messages/comments.js';
import { SETTINGS_MESSAGES } from '../../../src/web/messages/settings.js';

const VALID = {
  siteName: '云泽法治网',
  siteDomain: 'WWW.Example.CN',
  siteDescription: '',
  copyrightStartYear: '2005',
  supervisor: '',
  legalCounsel: '',
  browserHint: '',
  icpNumber: '',
  icpUrl: 'https://beian.miit.gov.cn/',
  publicSecurityNumber: '京公网安备 11010502000001号',
  publicSecurityUrl: '',
  newsLicenseNumber: '',
  reportPhone: '12377',
  reportEmail: 'jubao@example.cn',
  timeZone: 'asia/shanghai',
  commentModeration: 'auto',
  reportHideThreshold: '3',
  submissionContactRetentionDays: '180',
  reportDetailRetentionDays: '30',
  sidebarPollId: '',
};
const options = { pollIds: new Set([7]), currentYear: '2026' };

describe('parseSettingsForm', () => {
  it('accepts a valid form, normalising the domain and the time zone', () => {
    const { values, errors } = parseSettingsForm(VALID, options);
    assert.deepEqual(errors, {});
    assert.equal(values.siteDomain, 'www.example.cn');
    assert.equal(values.timeZone, 'Asia/Shanghai');
  });

  it('checks the registration, licence and reporting lines; empty and the demo values pass', () => {
    const errorsOf = (fields: Record<string, string>) => parseSettingsForm({ ...VALID, ...fields }, options).errors;
    for (const [key, good, bad] of [
      ['icpNumber', '粤ICP备2020012345号-3', 'ICP备12345号'],
      ['publicSecurityNumber', '沪公网安备31010402000001号', '公安备案 123'],
      ['newsLicenseNumber', '11120170001', '1112017000'],
      ['reportPhone', '010-12345678', '12345'],
      ['reportPhone', '13812345678', '2381234567'],
      ['reportPhone', '400-123-4567', '400-12-34'],
      ['reportEmail', 'report@news.example.cn', 'report@'],
      ['publicSecurityUrl', 'https://beian.mps.gov.cn/', 'beian.mps.gov.cn'],
    ] as const) {
      assert.equal(errorsOf({ [key]: good })[key], undefined, `${key}: ${good} passes`);
      assert.ok(errorsOf({ [key]: bad })[key], `${key}: ${bad} is refused`);
      assert.equal(errorsOf({ [key]: '' })[key], undefined, `${key}: empty passes`);
    }
    assert.deepEqual(
      errorsOf({ icpNumber: '京ICP备00000000号-1（演示）', publicSecurityNumber: '京公网安备00000000000000号（演示）' }),
      {},
    );
    assert.equal(errorsOf({ reportHideThreshold: '0' }).reportHideThreshold, '举报隐藏门槛是 1 到 999 之间的整数。');
    assert.equal(errorsOf({ reportHideThreshold: '2.5' }).reportHideThreshold, '举报隐藏门槛是 1 到 999 之间的整数。');
    assert.equal(errorsOf({ reportHideThreshold: '10' }).reportHideThreshold, undefined);
    assert.equal(errorsOf({ reportDetailRetentionDays: '0' }).reportDetailRetentionDays, '保存天数是 1 到 9999 之间的整数。');
    assert.equal(errorsOf({ submissionContactRetentionDays: '-5' }).submissionContactRetentionDays, '保存天数是 1 到 9999 之间的整数。');
  });

  it('makes every setting one line: a run of line breaks is one space; controls and bidi marks go', () => {
    const { values } = parseSettingsForm(
      { ...VALID, browserHint: '第一行\r\n\r\n第二行\t第三\u0000行\u202e', supervisor: ' \u200b主管 ' },
      options,
    );
    assert.equal(values.browserHint, '第一行 第二行 第三行');
    assert.equal(values.supervisor, '主管');
  });

  it('names the field in the texts of required and too long values', () => {
    const { errors } = parseSettingsForm({ ...VALID, siteName: ' ', siteDescription: '字'.repeat(201) }, options);
    assert.equal(errors.siteName, SETTINGS_MESSAGES.required(SETTING_LABELS.siteName));
    assert.equal(errors.siteName, '请填写网站名称。');
    assert.equal(errors.siteDescription, '网站简介不能超过 200 个字。');
  });

  it('checks domain, year, URL, time zone, moderation and poll', () => {
    const { errors } = parseSettingsForm(
      {
        ...VALID,
        siteDomain: 'http://example.cn/',
        copyrightStartYear: '2027',
        icpUrl: 'ftp://beian.example.cn/',
        timeZone: 'Mars/Olympus',
        commentModeration: 'never',
        sidebarPollId: '8',
      },
      options,
    );
    assert.deepEqual(errors, {
      siteDomain: SETTINGS_MESSAGES.domainInvalid,
      copyrightStartYear: '请填写 1990 到 2026 之间的四位年份。',
      icpUrl: SETTINGS_MESSAGES.urlInvalid,
      timeZone: SETTINGS_MESSAGES.timeZoneInvalid,
      commentModeration: COMMENTS_MESSAGES.modeInvalid,
      sidebarPollId: SETTINGS_MESSAGES.pollInvalid,
    });
    assert.deepEqual(parseSettingsForm({ ...VALID, sidebarPollId: '7' }, options).errors, {});
  });

  it('reads every field in the list', () => {
    const { values } = parseSettingsForm({}, options);
    assert.deepEqual(Object.keys(values).sort(), SETTING_FIELDS.map((f) => f.key).sort());
  });
});
