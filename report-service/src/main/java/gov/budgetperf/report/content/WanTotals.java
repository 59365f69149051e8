package gov.budgetperf.report.content;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The 万元 rule of DESIGN §5: every figure, totals included, is rounded once from exact yuan (a total is the honest
 * figure, never the sum of rounded parts), so a displayed total can differ from the sum of its displayed parts by a few
 * 0.01. Where it does, the table (or paragraph) carries {@link #NOTE}; where every total adds up as displayed, it does
 * not. The same test decides for XLSX, DOCX and HTML/PDF.
 */
public final class WanTotals {

    /** The usual note of Chinese budget tables. */
    public static final String NOTE = "注：因四舍五入，合计数与分项数之和可能存在尾差。";

    private WanTotals() {
    }

    /**
     * Whether the total as displayed (万元, 2 decimals) differs from the sum of its parts as displayed; parts are signed
     * (a part that is subtracted, e.g. 调减, is passed negated). A missing total is not checked; a missing part shows
     * nothing and adds nothing.
     */
    public static boolean differs(BigDecimal total, List<BigDecimal> signedParts) {
        if (total == null) {
            return false;
        }
        BigDecimal shown = signedParts.stream().filter(Objects::nonNull).map(Figures::wanValue).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        return Figures.wanValue(total).compareTo(shown) != 0;
    }

    /** The form's 部门资金情况: 调整预算 = 年初预算 + 调整数, 实际支出 = Σ its funding sources. */
    public static boolean budgetBlock(ReportData.Budget b) {
        if (b == null) {
            return false;
        }
        boolean sources = b.actualByFundingSource() != null && !b.actualByFundingSource().isEmpty()
                && differs(b.actualExpenditure(), new ArrayList<>(b.actualByFundingSource().values()));
        return sources || differs(b.adjustedBudget(), parts(b.initialBudget(), b.adjustmentTotal()));
    }

    /** The report's 部门整体收支情况: the form's totals, and 实际支出 = 基本 + 项目, 基本 = 人员 + 公用. */
    public static boolean budgetText(ReportData.Budget b) {
        return budgetBlock(b) || b != null && (differs(b.actualExpenditure(),
                parts(b.basicExpenditure(), b.projectExpenditure()))
                || differs(b.basicExpenditure(), parts(b.personnelExpenditure(), b.publicFundsExpenditure())));
    }

    /** A project's funds: 调整后预算 = 年初 + 追加 − 调减 − 划出. */
    public static boolean projectFunds(ReportData.Project p) {
        return p != null && differs(p.adjustedBudget(), parts(p.initialBudget(), p.additions(),
                negate(p.reductions()), negate(p.transfersOut())));
    }

    /** The region summary: each 合计 = Σ the departments' lines. */
    public static boolean regionSummary(ReportData.RegionSummary s) {
        if (s == null || s.lines() == null) {
            return false;
        }
        List<BigDecimal> adjusted = new ArrayList<>();
        List<BigDecimal> actual = new ArrayList<>();
        for (ReportData.SummaryLine l : s.lines()) {
            if (l != null) {
                adjusted.add(l.adjustedBudget());
                actual.add(l.actualExpenditure());
            }
        }
        return differs(s.totalAdjustedBudget(), adjusted) || differs(s.totalActualExpenditure(), actual);
    }

    /** {@link #NOTE} when the figures do not add up as displayed, else "". */
    public static String note(boolean differs) {
        return differs ? NOTE : "";
    }

    private static List<BigDecimal> parts(BigDecimal... parts) {
        List<BigDecimal> l = new ArrayList<>();
        for (BigDecimal p : parts) {
            l.add(p);
        }
        return l;
    }

    private static BigDecimal negate(BigDecimal v) {
        return v == null ? null : v.negate();
    }
}
