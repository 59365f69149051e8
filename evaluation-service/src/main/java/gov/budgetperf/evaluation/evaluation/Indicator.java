package gov.budgetperf.evaluation.evaluation;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One indicator of an evaluation's tree, with what the department filled in and its score. */
@Entity
@Table(name = "indicator")
public class Indicator extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "evaluation_id")
    public Evaluation evaluation;

    @Column(name = "parent_code")
    public String parentCode;

    public int level;
    public int position;
    public String code;
    public String name;
    public BigDecimal weight;
    public String explanation;
    public String unit;
    public String direction;
    public boolean extensible;
    /** Added by the department under an extensible node, not from the rule set. */
    public boolean custom;

    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode rule;

    public BigDecimal target;
    @Column(name = "target_text")
    public String targetText;
    public BigDecimal actual;
    @Column(name = "actual_text")
    public String actualText;
    public String band;
    @Column(name = "proposed_score")
    public BigDecimal proposedScore;
    public Boolean yes;
    public String justification;
    @Column(name = "not_applicable")
    public boolean notApplicable;
    public BigDecimal score;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "score_explanation")
    public JsonNode scoreExplanation;
    public String reason;
    public String measure;
    /** In-year monitoring: will it reach its target (CERTAIN, POSSIBLE, IMPOSSIBLE)? */
    public String likelihood;
    @Column(name = "likelihood_reason")
    public String likelihoodReason;
    @Column(name = "likelihood_measure")
    public String likelihoodMeasure;
}
