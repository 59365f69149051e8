package gov.budgetperf.deploy;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.PodAffinity;
import io.fabric8.kubernetes.api.model.PodAntiAffinity;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;

/**
 * Strict schema of the CloudNativePG kinds the manifests use ({@code postgresql.cnpg.io/v1} Cluster and
 * ScheduledBackup) and of the Barman Cloud plugin's {@code barmancloud.cnpg.io/v1} ObjectStore, written from their
 * API references because no Java model of them is published. Parsed with the same strict mapper as the Kubernetes
 * kinds: a field that is not listed here is an error, {@code required} fields must be present, enums take only their
 * documented values, and the compact constructors check the documented patterns.
 *
 * <p>
 * It covers a subset of each API: the fields these manifests and the runbook's restore example use, plus their
 * common neighbours. A field of the real API that is missing here is reported as unknown: add it (from the API
 * reference) when the manifests start to use it.
 */
final class Cnpg {

    private Cnpg() {
    }

    private static final Pattern SIX_FIELD_CRON = Pattern.compile("^\\S+( \\S+){5}$");
    private static final Pattern RETENTION = Pattern.compile("^[1-9][0-9]*[dwm]$");

    // ------------------------------------------------------------------ Cluster

    record Cluster(@JsonProperty(required = true) String apiVersion, @JsonProperty(required = true) String kind,
            @JsonProperty(required = true) ObjectMeta metadata, @JsonProperty(required = true) ClusterSpec spec) {
    }

    record ClusterSpec(@JsonProperty(required = true) Integer instances, String description, String imageName,
            ImageCatalogRef imageCatalogRef, String imagePullPolicy, InheritedMetadata inheritedMetadata,
            PrimaryUpdateStrategy primaryUpdateStrategy, PrimaryUpdateMethod primaryUpdateMethod,
            Boolean enableSuperuserAccess, LocalObjectReference superuserSecret, Bootstrap bootstrap,
            PostgresConfiguration postgresql, @JsonProperty(required = true) StorageConfiguration storage,
            StorageConfiguration walStorage, ResourceRequirements resources, AffinityConfiguration affinity,
            List<TopologySpreadConstraint> topologySpreadConstraints, String priorityClassName,
            List<PluginConfiguration> plugins, List<ExternalCluster> externalClusters,
            MonitoringConfiguration monitoring, Boolean enablePDB, Integer minSyncReplicas, Integer maxSyncReplicas,
            Integer startDelay, Integer stopDelay, Integer smartShutdownTimeout, Integer switchoverDelay,
            Integer failoverDelay, List<EnvVar> env, LogLevel logLevel) {
        ClusterSpec {
            if (instances < 1) {
                throw new IllegalArgumentException("instances must be at least 1");
            }
        }
    }

    enum PrimaryUpdateStrategy {
        @JsonProperty("unsupervised")
        UNSUPERVISED, @JsonProperty("supervised")
        SUPERVISED
    }

    enum PrimaryUpdateMethod {
        @JsonProperty("switchover")
        SWITCHOVER, @JsonProperty("restart")
        RESTART
    }

    enum LogLevel {
        @JsonProperty("error")
        ERROR, @JsonProperty("warning")
        WARNING, @JsonProperty("info")
        INFO, @JsonProperty("debug")
        DEBUG, @JsonProperty("trace")
        TRACE
    }

    record ImageCatalogRef(@JsonProperty(required = true) String apiGroup, @JsonProperty(required = true) String kind,
            @JsonProperty(required = true) String name, @JsonProperty(required = true) Integer major) {
    }

    record InheritedMetadata(Map<String, String> labels, Map<String, String> annotations) {
    }

    record LocalObjectReference(@JsonProperty(required = true) String name) {
    }

    record SecretKeySelector(@JsonProperty(required = true) String name, @JsonProperty(required = true) String key) {
    }

    record Bootstrap(BootstrapInitDb initdb, BootstrapRecovery recovery) {
        Bootstrap {
            if ((initdb == null) == (recovery == null)) {
                throw new IllegalArgumentException("bootstrap needs exactly one of initdb and recovery");
            }
        }
    }

    record BootstrapInitDb(String database, String owner, LocalObjectReference secret, String encoding,
            String localeCollate, String localeCType, Boolean dataChecksums, Integer walSegmentSize,
            List<String> postInitSQL, List<String> postInitApplicationSQL, List<String> postInitTemplateSQL) {
    }

    record BootstrapRecovery(String source, String database, String owner, LocalObjectReference secret,
            LocalObjectReference backup, RecoveryTarget recoveryTarget) {
    }

    record RecoveryTarget(String backupID, String targetTLI, String targetXID, String targetName, String targetLSN,
            String targetTime, Boolean targetImmediate, Boolean exclusive) {
    }

    record PostgresConfiguration(Map<String, String> parameters, List<String> pg_hba, List<String> pg_ident,
            List<String> shared_preload_libraries, Boolean enableAlterSystem) {
    }

    record StorageConfiguration(Quantity size, String storageClass, Boolean resizeInUseVolumes,
            PersistentVolumeClaimSpec pvcTemplate) {
        StorageConfiguration {
            if (size == null && pvcTemplate == null) {
                throw new IllegalArgumentException("storage needs a size or a pvcTemplate");
            }
        }
    }

    record AffinityConfiguration(Boolean enablePodAntiAffinity, String topologyKey,
            PodAntiAffinityType podAntiAffinityType, Map<String, String> nodeSelector,
            List<Toleration> tolerations, NodeAffinity nodeAffinity, PodAntiAffinity additionalPodAntiAffinity,
            PodAffinity additionalPodAffinity) {
    }

    enum PodAntiAffinityType {
        @JsonProperty("preferred")
        PREFERRED, @JsonProperty("required")
        REQUIRED
    }

    /** An entry of {@code spec.plugins}, also the {@code plugin} of an external cluster. */
    record PluginConfiguration(@JsonProperty(required = true) String name, Boolean enabled, Boolean isWALArchiver,
            Map<String, String> parameters) {
    }

    record ExternalCluster(@JsonProperty(required = true) String name, Map<String, String> connectionParameters,
            PluginConfiguration plugin) {
    }

    record MonitoringConfiguration(Boolean disableDefaultQueries, List<SecretKeySelector> customQueriesConfigMap,
            List<SecretKeySelector> customQueriesSecret) {
    }

    // ------------------------------------------------------------------ ScheduledBackup

    record ScheduledBackup(@JsonProperty(required = true) String apiVersion,
            @JsonProperty(required = true) String kind, @JsonProperty(required = true) ObjectMeta metadata,
            @JsonProperty(required = true) ScheduledBackupSpec spec) {
    }

    record ScheduledBackupSpec(@JsonProperty(required = true) String schedule,
            @JsonProperty(required = true) LocalObjectReference cluster, Boolean suspend, Boolean immediate,
            BackupOwnerReference backupOwnerReference, BackupMethod method, BackupTarget target,
            PluginConfiguration pluginConfiguration, Boolean online) {
        ScheduledBackupSpec {
            // CloudNativePG's cron has a leading seconds field: "0 0 2 * * *" is 02:00 every day.
            if (!SIX_FIELD_CRON.matcher(schedule).matches()) {
                throw new IllegalArgumentException("schedule must have six fields (seconds first): " + schedule);
            }
            if (method == BackupMethod.PLUGIN && pluginConfiguration == null) {
                throw new IllegalArgumentException("method plugin needs pluginConfiguration");
            }
        }
    }

    enum BackupOwnerReference {
        @JsonProperty("none")
        NONE, @JsonProperty("self")
        SELF, @JsonProperty("cluster")
        CLUSTER
    }

    enum BackupMethod {
        @JsonProperty("barmanObjectStore")
        BARMAN_OBJECT_STORE, @JsonProperty("volumeSnapshot")
        VOLUME_SNAPSHOT, @JsonProperty("plugin")
        PLUGIN
    }

    enum BackupTarget {
        @JsonProperty("primary")
        PRIMARY, @JsonProperty("prefer-standby")
        PREFER_STANDBY
    }

    // ------------------------------------------------------------------ ObjectStore (Barman Cloud plugin)

    record ObjectStore(@JsonProperty(required = true) String apiVersion, @JsonProperty(required = true) String kind,
            @JsonProperty(required = true) ObjectMeta metadata, @JsonProperty(required = true) ObjectStoreSpec spec) {
    }

    record ObjectStoreSpec(@JsonProperty(required = true) BarmanObjectStoreConfiguration configuration,
            String retentionPolicy, InstanceSidecarConfiguration instanceSidecarConfiguration) {
        ObjectStoreSpec {
            if (retentionPolicy != null && !RETENTION.matcher(retentionPolicy).matches()) {
                throw new IllegalArgumentException("retentionPolicy must look like 30d, 4w or 3m: " + retentionPolicy);
            }
        }
    }

    record InstanceSidecarConfiguration(List<EnvVar> env, Integer retentionPolicyIntervalSeconds,
            ResourceRequirements resources) {
    }

    record BarmanObjectStoreConfiguration(@JsonProperty(required = true) String destinationPath, String endpointURL,
            SecretKeySelector endpointCA, S3Credentials s3Credentials, AzureCredentials azureCredentials,
            GoogleCredentials googleCredentials, WalBackupConfiguration wal, DataBackupConfiguration data,
            Map<String, String> tags, Map<String, String> historyTags) {
        BarmanObjectStoreConfiguration {
            if (!destinationPath.matches("^(s3|gs)://.+|^https://.+")) {
                throw new IllegalArgumentException("destinationPath must be an s3://, gs:// or https:// URL");
            }
            int credentials = (s3Credentials == null ? 0 : 1) + (azureCredentials == null ? 0 : 1)
                    + (googleCredentials == null ? 0 : 1);
            if (credentials != 1) {
                throw new IllegalArgumentException("exactly one of s3Credentials, azureCredentials, googleCredentials");
            }
        }
    }

    record S3Credentials(SecretKeySelector accessKeyId, SecretKeySelector secretAccessKey, SecretKeySelector region,
            SecretKeySelector sessionToken, Boolean inheritFromIAMRole) {
    }

    record AzureCredentials(SecretKeySelector connectionString, SecretKeySelector storageAccount,
            SecretKeySelector storageKey, SecretKeySelector storageSasToken, Boolean inheritFromAzureAD) {
    }

    record GoogleCredentials(SecretKeySelector applicationCredentials, Boolean gkeEnvironment) {
    }

    record WalBackupConfiguration(Compression compression, Encryption encryption, Integer maxParallel,
            List<String> archiveAdditionalCommandArgs, List<String> restoreAdditionalCommandArgs) {
    }

    record DataBackupConfiguration(Compression compression, Encryption encryption, Integer jobs,
            Boolean immediateCheckpoint, List<String> additionalCommandArgs) {
    }

    enum Compression {
        @JsonProperty("bzip2")
        BZIP2, @JsonProperty("gzip")
        GZIP, @JsonProperty("lz4")
        LZ4, @JsonProperty("snappy")
        SNAPPY, @JsonProperty("xz")
        XZ, @JsonProperty("zstd")
        ZSTD
    }

    enum Encryption {
        @JsonProperty("AES256")
        AES256, @JsonProperty("aws:kms")
        AWS_KMS
    }
}
