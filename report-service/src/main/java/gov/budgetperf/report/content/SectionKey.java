package gov.budgetperf.report.content;

/**
 * The narrative sections departments write (stored in report-service, versioned). The title is what documents print.
 * Department-level sections follow the outline of the 花都 self-evaluation report; project-level ones DESIGN §5.
 */
public enum SectionKey {
    /** 主要职责 (falls back to the department's functions in budget-service). */
    FUNCTIONS("主要职责", Scope.DEPARTMENT),
    /** 机构设置 (falls back to the department's internal bodies in budget-service). */
    ORGANISATION("机构设置", Scope.DEPARTMENT), ANNUAL_WORK("年度总体工作和重点工作任务", Scope.DEPARTMENT), PERFORMANCE_MANAGEMENT("部门整体绩效管理情况",
            Scope.DEPARTMENT),
    /** 部门整体支出的预期目标 (the form's 年度目标 block, left column). */
    ANNUAL_GOALS("年度整体绩效目标", Scope.DEPARTMENT),
    /** 部门整体支出的目标完成情况 (the form's 年度目标 block, right column). */
    GOAL_ACHIEVEMENT("整体绩效目标完成情况", Scope.DEPARTMENT), CONCLUSION("自评结论综述", Scope.BOTH), TASK_ANALYSIS("各项工作任务绩效目标完成情况分析",
            Scope.DEPARTMENT), KEY_PROJECTS("各重点任务项目支出完成情况分析", Scope.DEPARTMENT), ACHIEVEMENTS("主要工作成效",
                    Scope.DEPARTMENT), PROBLEMS("存在的主要问题", Scope.BOTH), IMPROVEMENTS("下一步改进措施", Scope.BOTH), PROJECT_BACKGROUND(
                            "项目背景", Scope.PROJECT), PROJECT_BASIS("立项依据", Scope.PROJECT), PROJECT_GOALS("项目绩效目标",
                                    Scope.PROJECT), FUNDING_USE("项目资金安排及使用情况", Scope.PROJECT), IMPLEMENTATION("项目组织实施情况",
                                            Scope.PROJECT), EVALUATION_OVERVIEW("绩效评价工作概况", Scope.PROJECT);

    public enum Scope {
        DEPARTMENT, PROJECT, BOTH
    }

    private final String title;
    private final Scope scope;

    SectionKey(String title, Scope scope) {
        this.title = title;
        this.scope = scope;
    }

    public String title() {
        return title;
    }

    public boolean forProject() {
        return scope != Scope.DEPARTMENT;
    }

    public boolean forDepartment() {
        return scope != Scope.PROJECT;
    }
}
