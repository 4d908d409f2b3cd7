package dev.trafficlens.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResourceRefTest {

    @Test
    void each_reference_belongs_to_its_source() {
        assertThat(new TencentVpnConnection("ap-guangzhou", "vpc-03vihbk9", "vpngw-dystbrkv", "vpnx-ol6bcqp0").source())
                .isEqualTo(Source.TENCENT_VPN_CONNECTION);
        assertThat(TencentMnaRegion.allRegions(0).source()).isEqualTo(Source.TENCENT_MNA_REGION);
        assertThat(QingCloudWanAccess.of("pek3a", "wacc-fub9b1eo", "cpe").source()).isEqualTo(Source.QINGCLOUD_WAN);
        assertThat(new ZenlayerPrivateConnect("pc-1").source()).isEqualTo(Source.ZENLAYER_PRIVATE_CONNECT);
        assertThat(new ZenlayerCloudRouterDcPair("cr-1", "dc-a", "dc-z").source())
                .isEqualTo(Source.ZENLAYER_CLOUD_ROUTER);
    }

    @Test
    void validation_reports_every_bad_field_at_once() {
        var problems = TencentVpnConnection.validate("ap-guangzhou", "", null, "vpnx 1").getError();

        assertThat(problems).extracting(QueryProblem::field).containsExactly("vpcId", "vpnGwId", "vpnConnId");
        assertThat(problems).extracting(QueryProblem::message)
                .containsExactly("expected a non-empty identifier", "expected a non-empty identifier",
                        "expected no spaces or control characters");
    }

    @Test
    void enumerated_fields_say_which_values_are_allowed() {
        var problems = QingCloudWanAccess.validate("pek3", "waif-1", "fibre",
                Optional.of("eth0"), Optional.of("both"), Optional.of("first")).getError();

        assertThat(problems).extracting(QueryProblem::toString).containsExactly(
                "accessType: expected one of connect, cpe, line, vpc, got \"fibre\"",
                "monitorType: expected one of internet, pop, got \"both\"",
                "haMemberIndex: expected a member index such as 0 or 1, got \"first\"");
        assertThat(TencentMnaRegion.validate(2, Optional.of("XX")).getError()).extracting(QueryProblem::field)
                .containsExactly("gatewayType", "accessRegion");
    }

    @Test
    void valid_fields_validate_to_the_same_value_the_constructor_builds() {
        assertThat(ZenlayerCloudRouterDcPair.validate("cr-1", "dc-a", "dc-z").get())
                .isEqualTo(new ZenlayerCloudRouterDcPair("cr-1", "dc-a", "dc-z"));
        assertThat(TencentMnaRegion.validate(1, Optional.of("EU")).get()).isEqualTo(new TencentMnaRegion(1, Optional.of("EU")));
    }

    @Test
    void constructors_refuse_what_validation_reports() {
        assertThatThrownBy(() -> new ZenlayerPrivateConnect(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ZenlayerPrivateConnect: privateConnectId: expected a non-empty identifier");
    }

    @Test
    void problems_can_be_placed_under_the_query_they_came_from() {
        QueryProblem problem = ZenlayerPrivateConnect.validate("").getError().get(0);

        assertThat(problem.under("queries[2].resource.zenlayerPrivateConnect").field())
                .isEqualTo("queries[2].resource.zenlayerPrivateConnect.privateConnectId");
    }
}
