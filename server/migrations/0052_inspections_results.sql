-- Leniency in the inspection result (首违不罚 / 轻微不罚; issue 14 item 4; decision 0062). The result
-- of a checked-in inspection lists its problems; each problem is decided against the no-penalty lists
-- (leniency applied with every condition confirmed, not applied with a reason, or a penalty) and, as
-- 不罚≠不管, always gets a correction deadline and a re-check.

-- The no-penalty lists as data: one row per version of an entry. A new version of an entry (same code,
-- version + 1) takes over from its effective date; older versions stay for the results that cite them.
CREATE TABLE leniency_entries (
  id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  code           text        NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,39}$'),
  version        int         NOT NULL DEFAULT 1 CHECK (version >= 1),
  -- first_offence: 首违不罚; minor_offence: 轻微不罚
  list           text        NOT NULL CHECK (list IN ('first_offence', 'minor_offence')),
  -- whose list: the national SAMR list, or a local one (Liaoning, Dalian) an administrator adds
  scope          text        NOT NULL CHECK (scope IN ('national', 'provincial', 'municipal')),
  title          text        NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
  -- the provision violated (违反条款) and the one that would punish it (处罚依据)
  provision      text        NOT NULL CHECK (length(provision) BETWEEN 2 AND 500),
  -- [{ "key": "first_offence" | "minor_harm" | "no_harm" | "corrected_in_time", "text": "…" }]
  conditions     jsonb       NOT NULL CHECK (jsonb_typeof(conditions) = 'array' AND jsonb_array_length(conditions) >= 1),
  -- "first offence" means no offence of the same kind in this many months before (SAMR: two years)
  lookback_months int        NOT NULL DEFAULT 24 CHECK (lookback_months BETWEEN 1 AND 120),
  -- the document it comes from (name and number) and the issuer
  source         text        NOT NULL CHECK (length(source) BETWEEN 2 AND 300),
  issuer         text        NOT NULL CHECK (length(issuer) BETWEEN 2 AND 100),
  effective_on   date        NOT NULL,
  -- false: written without the official text at hand; to be checked against it (decision 0062)
  text_verified  boolean     NOT NULL DEFAULT false,
  created_by     uuid        REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (code, version)
);
CREATE INDEX leniency_entries_code_idx ON leniency_entries (code, effective_on DESC, version DESC);

-- One result per inspection (written by the record_result move).
CREATE TABLE inspection_results (
  inspection_id          uuid        PRIMARY KEY REFERENCES inspections (id),
  outcome                text        NOT NULL CHECK (outcome IN ('no_problem', 'problem_found')),
  -- what the enterprise reads, and what stays inside the body
  summary                text        NOT NULL DEFAULT '',
  internal_note          text        NOT NULL DEFAULT '',
  recorded_by            uuid        NOT NULL REFERENCES users (id),
  recorded_at            timestamptz NOT NULL,
  -- the latest correction deadline: the re-check is planned when it is due (null: no problem)
  recheck_due_at         timestamptz,
  -- the re-check planned for it (by the sweep or by hand)
  recheck_inspection_id  uuid        REFERENCES inspections (id),
  recheck_planned_at     timestamptz,
  CHECK ((outcome = 'problem_found') = (recheck_due_at IS NOT NULL))
);
-- the sweep: results whose re-check is due and not yet planned
CREATE INDEX inspection_results_recheck_due_idx ON inspection_results (recheck_due_at)
  WHERE recheck_inspection_id IS NULL AND recheck_due_at IS NOT NULL;

-- The problems found, each with its leniency decision and its correction.
CREATE TABLE inspection_problems (
  id                    uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  inspection_id         uuid        NOT NULL REFERENCES inspection_results (inspection_id),
  position              int         NOT NULL CHECK (position >= 1),
  -- copied from the inspection: the earlier-offence look-up and the figures read them here
  enterprise_id         uuid        NOT NULL REFERENCES enterprises (id),
  department_id         uuid        NOT NULL REFERENCES departments (id),
  recorded_at           timestamptz NOT NULL,
  description           text        NOT NULL CHECK (length(description) BETWEEN 2 AND 2000),
  provision             text        NOT NULL CHECK (length(provision) BETWEEN 2 AND 500),
  -- the earlier offence of this kind found at the time (an earlier problem of the enterprise)
  earlier_problem_id    uuid        REFERENCES inspection_problems (id),
  decision              text        NOT NULL CHECK (decision IN ('leniency', 'not_applied', 'penalty')),
  leniency_entry_id     uuid        REFERENCES leniency_entries (id),
  confirmed_conditions  text[]      NOT NULL DEFAULT '{}',
  reason                text,
  penalty               text,
  correction            text        NOT NULL CHECK (length(correction) BETWEEN 2 AND 1000),
  correction_due_at     timestamptz NOT NULL,
  correction_status     text        NOT NULL DEFAULT 'open' CHECK (correction_status IN ('open', 'corrected', 'not_corrected')),
  UNIQUE (inspection_id, position),
  -- leniency names its entry and needs no reason; not applied and a penalty need a reason (the entry
  -- considered may be named); only a penalty says which
  CHECK (decision <> 'leniency' OR (leniency_entry_id IS NOT NULL AND reason IS NULL)),
  CHECK (decision = 'leniency' OR reason IS NOT NULL),
  CHECK ((decision = 'penalty') = (penalty IS NOT NULL))
);
CREATE INDEX inspection_problems_enterprise_idx ON inspection_problems (enterprise_id, recorded_at DESC);
CREATE INDEX inspection_problems_figures_idx ON inspection_problems (recorded_at, department_id);

-- The national lists (SAMR 国市监法〔2025〕10号, 2025-01-27: 8 first-offence types, 4 minor-offence
-- types), written without the official text at hand: text_verified stays false until checked.
INSERT INTO leniency_entries (code, list, scope, title, provision, conditions, source, issuer, effective_on) VALUES
('SAMR-FO-01', 'first_offence', 'national',
 '未按规定将营业执照置于住所或者主要经营场所醒目位置',
 '《市场主体登记管理条例》第三十六条；第四十八条',
 '[{"key":"first_offence","text":"两年内无同类违法记录"},{"key":"minor_harm","text":"危害后果轻微"},{"key":"corrected_in_time","text":"在责令改正期限内改正"}]',
 '《市场监管行政违法行为首违不罚、轻微免罚清单（一）》（国市监法〔2025〕10号）', '国家市场监督管理总局', '2025-01-27'),
('SAMR-FO-02', 'first_offence', 'national',
 '电子商务经营者未在首页显著位置持续公示营业执照信息或者行政许可信息',
 '《电子商务法》第十五条；第七十六条',
 '[{"key":"first_offence","text":"两年内无同类违法记录"},{"key":"minor_harm","text":"危害后果轻微"},{"key":"corrected_in_time","text":"在责令改正期限内改正"}]',
 '《市场监管行政违法行为首违不罚、轻微免罚清单（一）》（国市监法〔2025〕10号）', '国家市场监督管理总局', '2025-01-27'),
('SAMR-FO-03', 'first_offence', 'national',
 '经营场所、住所等登记事项变更后未按规定办理变更登记',
 '《市场主体登记管理条例》第二十四条；第四十六条',
 '[{"key":"first_offence","text":"两年内无同类违法记录"},{"key":"minor_harm","text":"危害后果轻微"},{"key":"corrected_in_time","text":"在责令改正期限内办理变更登记"}]',
 '《市场监管行政违法行为首违不罚、轻微免罚清单（一）》（国市监法〔2025〕10号）', '国家市场监督管理总局', '2025-01-27'),
('SAMR-FO-04', 'first_offence', 'national',
 '经营者未按规定明码标价或者标价签要素不全',
 '《价格法》第十三条；《明码标价和禁止价格欺诈规定》第二十一条',
 '[{"key":"first_offence","text":"两年内无同类违法记录"},{"key":"minor_harm","text":"未造成消费者实际损失"},{"key":"corrected_in_time","text":"在责令改正期限内改正"}]',
 '《市场监管行政违法行为首违不罚、轻微免罚清单（一）》（国市监法〔2025〕10号）', '国家市场监督管理总局', '2025-01-27'),
('SAMR-FO-05', 'first_offence', 'national',
 '广告不具有可识别性，未显著标明“广告”',
 '《广告法》第十四条；第五十九条第三款',
 '[{"key":"first_offence","text":"两年内无同类违法记录"},{"key":"minor_harm","text":"危害后果轻微"},{"key":"corrected_in_time","text":"在责令改正期限内改正"}]',
 '《市场监管行政违法行为首违不罚、轻微免罚清单（一）》（国市监法〔2025〕10号）', '国家市场监督管理总局', '2025-01-27'),
('SAMR-FO-06', 'first_offence', 'national',
 '食品经营者未按规定在经营场所显著位置悬挂或者摆放食品经营许可证',
 '《食品经营许可和备案管理办法》第三十三条；第五十三条',
 '[{"key":"first_offence","text":"两年内无同类违法记录"},{"key":"no_harm","text":"未造成食品安全事故或者危害后果"},{"key":"corrected_in_time","text":"在责令改正期限内改正"}]',
 '《市场监管行政违法行为首违不罚、轻微免罚清单（一）》（国市监法〔2025〕10号）', '国家市场监督管理总局', '2025-01-27'),
('SAMR-FO-07', 'first_offence', 'national',
 '使用属于强制检定范围的计量器具未按规定申请检定',
 '《计量法》第九条；《计量法实施细则》第四十三条',
 '[{"key":"first_offence","text":"两年内无同类违法记录"},{"key":"no_harm","text":"未造成计量纠纷或者损失"},{"key":"corrected_in_time","text":"在责令改正期限内申请检定"}]',
 '《市场监管行政违法行为首违不罚、轻微免罚清单（一）》（国市监法〔2025〕10号）', '国家市场监督管理总局', '2025-01-27'),
('SAMR-FO-08', 'first_offence', 'national',
 '产品或者其包装上的标识不符合规定（无安全隐患的标注瑕疵）',
 '《产品质量法》第二十七条；第五十四条',
 '[{"key":"first_offence","text":"两年内无同类违法记录"},{"key":"no_harm","text":"标注瑕疵不影响产品质量安全，未误导消费者"},{"key":"corrected_in_time","text":"在责令改正期限内改正"}]',
 '《市场监管行政违法行为首违不罚、轻微免罚清单（一）》（国市监法〔2025〕10号）', '国家市场监督管理总局', '2025-01-27'),
('SAMR-MO-01', 'minor_offence', 'national',
 '个体工商户未按规定报送年度报告，在规定期限内补报',
 '《个体工商户条例》第十六条；《市场主体登记管理条例实施细则》第七十条',
 '[{"key":"minor_harm","text":"违法行为轻微"},{"key":"no_harm","text":"没有造成危害后果"},{"key":"corrected_in_time","text":"及时补报并公示"}]',
 '《市场监管行政违法行为首违不罚、轻微免罚清单（一）》（国市监法〔2025〕10号）', '国家市场监督管理总局', '2025-01-27'),
('SAMR-MO-02', 'minor_offence', 'national',
 '经营者销售商品的标价签上个别要素标示不规范，未影响消费者选择',
 '《明码标价和禁止价格欺诈规定》第七条；第二十一条',
 '[{"key":"minor_harm","text":"违法行为轻微"},{"key":"no_harm","text":"没有造成危害后果"},{"key":"corrected_in_time","text":"当场或者及时改正"}]',
 '《市场监管行政违法行为首违不罚、轻微免罚清单（一）》（国市监法〔2025〕10号）', '国家市场监督管理总局', '2025-01-27'),
('SAMR-MO-03', 'minor_offence', 'national',
 '发布的广告中使用的数据、引证内容未表明出处，内容真实',
 '《广告法》第十一条第二款；第五十九条',
 '[{"key":"minor_harm","text":"违法行为轻微，引证内容真实准确"},{"key":"no_harm","text":"没有造成危害后果"},{"key":"corrected_in_time","text":"及时改正"}]',
 '《市场监管行政违法行为首违不罚、轻微免罚清单（一）》（国市监法〔2025〕10号）', '国家市场监督管理总局', '2025-01-27'),
('SAMR-MO-04', 'minor_offence', 'national',
 '企业公示的信息与实际不一致，但不影响交易安全，且及时更正',
 '《企业信息公示暂行条例》第十条；第十八条',
 '[{"key":"minor_harm","text":"违法行为轻微"},{"key":"no_harm","text":"没有造成危害后果"},{"key":"corrected_in_time","text":"及时更正公示信息"}]',
 '《市场监管行政违法行为首违不罚、轻微免罚清单（一）》（国市监法〔2025〕10号）', '国家市场监督管理总局', '2025-01-27');
