-- evaluation-service schema. Rule sets are data: indicator trees, scoring rules and grade bands live in
-- JSONB documents, versioned; a published version is never changed (a trigger refuses it).

CREATE TABLE grade_band_set (
    code        VARCHAR(60)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    bands       JSONB        NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE rule_set (
    id                BIGSERIAL PRIMARY KEY,
    code              VARCHAR(60)  NOT NULL,
    version           INT          NOT NULL CHECK (version >= 1),
    name              VARCHAR(300) NOT NULL,
    subject_type      VARCHAR(20)  NOT NULL CHECK (subject_type IN ('PROJECT', 'DEPARTMENT')),
    effective_from    DATE         NOT NULL,
    status            VARCHAR(20)  NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    grade_band_set    VARCHAR(60)  NOT NULL REFERENCES grade_band_set (code),
    overachievement   JSONB        NOT NULL,
    tree              JSONB        NOT NULL,
    description       TEXT,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by        VARCHAR(100) NOT NULL,
    published_at      TIMESTAMPTZ,
    row_version       BIGINT       NOT NULL DEFAULT 0,
    UNIQUE (code, version)
);

CREATE FUNCTION rule_set_published_is_immutable() RETURNS trigger AS $$
BEGIN
    IF OLD.status = 'PUBLISHED' THEN
        RAISE EXCEPTION 'rule set %/% is published and immutable: create a new version', OLD.code, OLD.version;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER rule_set_immutable BEFORE UPDATE OR DELETE ON rule_set
    FOR EACH ROW EXECUTE FUNCTION rule_set_published_is_immutable();

-- Shipped data ---------------------------------------------------------------------------------------

INSERT INTO grade_band_set (code, name, bands) VALUES
 ('DEFAULT', '默认等级：优 90–100，良 80–<90，中 60–<80，差 <60', '[{"grade": "优", "min": 90}, {"grade": "良", "min": 80}, {"grade": "中", "min": 60}, {"grade": "差", "min": 0}]'),
 ('EXCELLENT_FROM_80', '优 ≥ 80，良 70–<80，中 60–<70，差 <60', '[{"grade": "优", "min": 80}, {"grade": "良", "min": 70}, {"grade": "中", "min": 60}, {"grade": "差", "min": 0}]');

INSERT INTO rule_set (code, version, name, subject_type, effective_from, status, grade_band_set, overachievement, tree,
                      description, created_by, published_at) VALUES
 ('MOF-PROJECT-SELF', 1, '财政部项目支出绩效自评默认指标体系', 'PROJECT', DATE '2020-01-01', 'PUBLISHED', 'DEFAULT', '{"bound": 1.5, "deductByDeviation": false, "maxDeductionFraction": 0.5}',
  '{"nodes": [{"code": "A", "name": "预算执行率", "weight": 10, "children": [{"code": "A1", "name": "预算执行率", "weight": 10, "children": [{"code": "A11", "name": "预算执行率", "weight": 10, "rule": {"type": "BUDGET_LINKED", "metric": "PROJECT_EXECUTION_RATE", "target": 1}, "explanation": "项目实际支出数 ÷ 调整后预算数 (项目执行率)", "unit": "%", "direction": ">="}]}]}, {"code": "B", "name": "产出指标", "weight": 50, "children": [{"code": "B1", "name": "数量指标", "weight": null, "children": [], "extensible": true}, {"code": "B2", "name": "质量指标", "weight": null, "children": [], "extensible": true}, {"code": "B3", "name": "时效指标", "weight": null, "children": [], "extensible": true}, {"code": "B4", "name": "成本指标", "weight": null, "children": [], "extensible": true}]}, {"code": "C", "name": "效益指标", "weight": 30, "children": [{"code": "C1", "name": "经济效益指标", "weight": null, "children": [], "extensible": true}, {"code": "C2", "name": "社会效益指标", "weight": null, "children": [], "extensible": true}, {"code": "C3", "name": "生态效益指标", "weight": null, "children": [], "extensible": true}, {"code": "C4", "name": "可持续影响指标", "weight": null, "children": [], "extensible": true}]}, {"code": "D", "name": "满意度指标", "weight": 10, "children": [{"code": "D1", "name": "服务对象满意度指标", "weight": null, "children": [], "extensible": true}]}]}',
  '预算执行率 10，产出指标 50（数量、质量、时效、成本），效益指标 30（经济、社会、生态、可持续影响），满意度指标 10。二级指标下由部门设置三级指标。',
  'system', now()),
 ('GZ-DEPT-COMMON', 1, '部门整体支出绩效自评共性指标体系（增城 2022 式样）', 'DEPARTMENT', DATE '2022-01-01', 'PUBLISHED', 'DEFAULT',
  '{"bound": 1.5, "deductByDeviation": false, "maxDeductionFraction": 0.5}', '{"nodes": [{"code": "LZ", "name": "履职效能", "weight": 50, "children": [{"code": "LZ1", "name": "整体效能", "weight": 50, "children": [{"code": "LZ11", "name": "部门整体绩效目标产出指标完成情况", "weight": 20, "rule": {"type": "QUALITATIVE"}, "explanation": "反映年度预算编报时确定的部门整体预算绩效目标中产出指标完成情况。"}, {"code": "LZ12", "name": "部门整体绩效目标效益指标完成情况", "weight": 20, "rule": {"type": "QUALITATIVE"}, "explanation": "反映年度预算编报时确定的部门预算整体绩效目标中绩效指标完成情况。"}, {"code": "LZ13", "name": "部门预算资金支出率", "weight": 10, "rule": {"type": "BUDGET_LINKED", "metric": "EXECUTION_RATE", "target": 1}, "explanation": "反映部门预算资金支出进度。", "unit": "%", "direction": ">="}]}]}, {"code": "GL", "name": "管理效率", "weight": 50, "children": [{"code": "GL1", "name": "预算编制", "weight": 3, "children": [{"code": "GL11", "name": "新增预算项目事前绩效评估", "weight": 3, "rule": {"type": "YES_NO"}, "explanation": "反映部门对申请新增预算的入库项目开展事前绩效评估工作的落实情况。"}]}, {"code": "GL2", "name": "预算执行", "weight": 4, "children": [{"code": "GL21", "name": "结转结余率", "weight": 2, "rule": {"type": "YES_NO"}, "explanation": "部门（单位）当年度结转结余额与当年度预算总额的比率，用以反映和考核部门（单位）对结转结余资金的实际控制程度。"}, {"code": "GL22", "name": "财务管理合规性", "weight": 2, "rule": {"type": "YES_NO"}, "explanation": "反映部门（单位）财务管理的规范性"}]}, {"code": "GL3", "name": "信息公开", "weight": 4, "children": [{"code": "GL31", "name": "预决算公开合规性", "weight": 2, "rule": {"type": "YES_NO"}, "explanation": "反映部门（单位）预算决算公开执行到位情况"}, {"code": "GL32", "name": "绩效信息公开情况", "weight": 2, "rule": {"type": "YES_NO"}, "explanation": "反映部门（单位）绩效信息公开执行到位情况"}]}, {"code": "GL4", "name": "绩效管理", "weight": 15, "children": [{"code": "GL41", "name": "绩效管理制度建设", "weight": 5, "rule": {"type": "YES_NO"}, "explanation": "反映部门对机关和下属单位、专项资金等绩效目标管理、绩效运行监控、绩效评价管理和评价结果应用等预算绩效管理制度的建设和执行情况"}, {"code": "GL42", "name": "绩效结果应用", "weight": 3, "rule": {"type": "YES_NO"}, "explanation": "反映部门对监控预警结果处理、绩效自评结果和重点评价意见等的整改应用情况。"}, {"code": "GL43", "name": "绩效管理制度执行", "weight": 7, "rule": {"type": "YES_NO"}, "explanation": "反映部门对机关和下属单位绩效目标管理、绩效运行监控、绩效评价管理等预算绩效管理制度的执行情况"}]}, {"code": "GL5", "name": "采购管理", "weight": 10, "children": [{"code": "GL51", "name": "采购意向公开合规性", "weight": 0.5, "rule": {"type": "YES_NO"}, "explanation": "反映采购意向公开完整性、及时性情况。"}, {"code": "GL52", "name": "采购需求管理合规性", "weight": 1.5, "rule": {"type": "YES_NO"}, "explanation": "（增城 2022 自评表中此行名称缺失，分值 1.5）"}, {"code": "GL53", "name": "采购内控制度建设", "weight": 1, "rule": {"type": "YES_NO"}, "explanation": "反映部门政府采购内部控制管理制度建设情况。"}, {"code": "GL54", "name": "采购活动合规性", "weight": 2, "rule": {"type": "YES_NO"}, "explanation": "反映部门政府采购活动合法合规性情况。"}, {"code": "GL55", "name": "采购合同签订时效性", "weight": 3, "rule": {"type": "YES_NO"}, "explanation": "反映政府采购合同签订及时性情况。"}, {"code": "GL56", "name": "合同备案时效性", "weight": 1, "rule": {"type": "YES_NO"}, "explanation": "反映采购合同备案及时性情况。"}, {"code": "GL57", "name": "采购政策效能", "weight": 1, "rule": {"type": "MANUAL"}, "explanation": "反映部门采购政策执行的效果情况。"}]}, {"code": "GL6", "name": "资产管理", "weight": 10, "children": [{"code": "GL61", "name": "资产配置合规性", "weight": 2, "rule": {"type": "YES_NO"}, "explanation": "反映单位办公室面积和办公设备配置是否超过规定标准。"}, {"code": "GL62", "name": "资产收益上缴的及时性", "weight": 1, "rule": {"type": "YES_NO"}, "explanation": "反映单位资产处置和使用收益上缴的及时性。"}, {"code": "GL63", "name": "资产盘点情况", "weight": 1, "rule": {"type": "YES_NO"}, "explanation": "反映单位是否每年按要求进行资产盘点。"}, {"code": "GL64", "name": "数据质量", "weight": 2, "rule": {"type": "YES_NO"}, "explanation": "反映部门（单位）行政事业性国有资产年报数据质量。"}, {"code": "GL65", "name": "资产管理合规性", "weight": 2, "rule": {"type": "YES_NO"}, "explanation": "反映部门（单位）资产管理是否合规。"}, {"code": "GL66", "name": "固定资产利用率", "weight": 2, "rule": {"type": "YES_NO"}, "explanation": "部门（单位）实际在用固定资产总额与所有固定资产总额的比率，用以反映和考核部门（单位）固定资产使用效率程度。"}]}, {"code": "GL7", "name": "运行成本", "weight": 4, "children": [{"code": "GL71", "name": "公用经费控制率", "weight": 2, "rule": {"type": "LINEAR_DEDUCTION", "limit": 100, "perUnit": 0.1}, "explanation": "部门（单位）本年度实际支出的公用经费总额与预算安排的公用经费总额的比率，用以反映和考核部门（单位）对机构运转成本的实际控制程度。", "unit": "%", "direction": "<="}, {"code": "GL72", "name": "“三公”经费控制情况", "weight": 2, "rule": {"type": "YES_NO"}, "explanation": "反映部门（单位）对“三公”经费的控制效果。"}]}]}]}',
  '履职效能 50（整体效能：产出 20、效益 20、部门预算资金支出率 10），管理效率 50（预算编制 3、预算执行 4、信息公开 4、绩效管理 15、采购管理 10、资产管理 10、运行成本 4）。',
  'system', now());
