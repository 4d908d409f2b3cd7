package dev.trafficlens.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResourceKeysTest {

    /** Characters an identifier may hold, the ones the key escapes and some beyond ASCII among them. */
    private static final String ALPHABET = "abcXYZ019-_.:%/=%2F%3D;,@+~é中\uD83D\uDE00";

    @Test
    void every_resource_reads_back_from_its_key_and_distinct_resources_have_distinct_keys() {
        Random random = new Random(20261206L);
        Map<String, ResourceRef> byKey = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            ResourceRef resource = randomResource(random);
            String key = ResourceKeys.key(resource);

            var parsed = ResourceKeys.parse(key);
            assertThat(parsed.isValid()).as("%s: %s", key, parsed).isTrue();
            assertThat(parsed.get()).as(key).isEqualTo(resource);
            ResourceRef earlier = byKey.putIfAbsent(key, resource);
            if (earlier != null) {
                assertThat(earlier).as("two resources share the key %s", key).isEqualTo(resource);
            }
        }
        assertThat(byKey).hasSizeGreaterThan(10_000);
    }

    @Test
    void keys_are_readable_and_escape_only_the_separators() {
        assertThat(ResourceKeys.key(new ZenlayerPrivateConnect("pc-1"))).isEqualTo("zenlayer.private-connect/privateConnectId=pc-1");
        assertThat(ResourceKeys.key(TencentMnaRegion.allRegions(1))).isEqualTo("tencent.mna-region/gatewayType=1");
        assertThat(ResourceKeys.key(new QingCloudWanAccess("pek3", "wacc/1=%", "vpc", Optional.empty(),
                Optional.of("pop"), Optional.of("0"))))
                .isEqualTo("qingcloud.wan-access/zone=pek3/resource=wacc%2F1%3D%25/accessType=vpc/monitorType=pop/haMemberIndex=0");
    }

    @Test
    void a_bad_key_names_the_field_that_is_wrong() {
        assertThat(problems("zenlayer.cloud-router/cloudRouterId=cr-1/sourceDcId=SIN1"))
                .extracting(QueryProblem::field).containsExactly("destinationDcId");
        assertThat(problems("tencent.mna-region/gatewayType=x/accessRegion=XX"))
                .extracting(QueryProblem::field).containsExactly("gatewayType");
        assertThat(problems("tencent.mna-region/gatewayType=2/accessRegion=XX"))
                .extracting(QueryProblem::field).containsExactly("gatewayType", "accessRegion");
        assertThat(problems("zenlayer.private-connect/privateConnectId=pc-1/colour=red"))
                .extracting(QueryProblem::field).containsExactly("colour");
        assertThat(problems("zenlayer.private-connect/privateConnectId=pc%2"))
                .extracting(QueryProblem::field).containsExactly("privateConnectId");
        assertThat(problems("aws.vpc/id=1")).extracting(QueryProblem::field).containsExactly("key");
        assertThat(problems("")).extracting(QueryProblem::field).containsExactly("key");
        assertThat(problems(null)).extracting(QueryProblem::field).containsExactly("key");
    }

    private static List<QueryProblem> problems(String key) {
        return ResourceKeys.parse(key).getError();
    }

    private static ResourceRef randomResource(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> new TencentVpnConnection(id(random), id(random), id(random), id(random));
            case 1 -> new TencentMnaRegion(random.nextInt(2), random.nextBoolean()
                    ? Optional.empty() : Optional.of(List.copyOf(TencentMnaRegion.ACCESS_REGIONS).get(random.nextInt(4))));
            case 2 -> new QingCloudWanAccess(id(random), id(random),
                    List.copyOf(QingCloudWanAccess.ACCESS_TYPES).get(random.nextInt(4)),
                    random.nextBoolean() ? Optional.empty() : Optional.of(id(random)),
                    random.nextBoolean() ? Optional.empty() : Optional.of(random.nextBoolean() ? "pop" : "internet"),
                    random.nextBoolean() ? Optional.empty() : Optional.of(Integer.toString(random.nextInt(1000))));
            case 3 -> new ZenlayerPrivateConnect(id(random));
            default -> new ZenlayerCloudRouterDcPair(id(random), id(random), id(random));
        };
    }

    /** Short identifiers from a small alphabet, so that near collisions (a/b vs a%2Fb) come up often. */
    private static String id(Random random) {
        int[] codePoints = ALPHABET.codePoints().toArray();
        StringBuilder id = new StringBuilder();
        int length = 1 + random.nextInt(4);
        for (int i = 0; i < length; i++) {
            id.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
        }
        return id.toString();
    }
}
