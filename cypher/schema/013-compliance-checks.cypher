// Compliance checks of MON-1, MON-2, INS-1, CII-5: monitoring registrations (第三方监测报备), internet egresses (互联网出口) and their monitoring devices (监测设备), self-inspections (自查), justifications of internet exposures (暴露面说明).
CREATE CONSTRAINT monitoring_registration_id IF NOT EXISTS FOR (n:MonitoringRegistration) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT internet_egress_id IF NOT EXISTS FOR (n:InternetEgress) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT monitoring_device_id IF NOT EXISTS FOR (n:MonitoringDevice) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT self_inspection_id IF NOT EXISTS FOR (n:SelfInspection) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT exposure_justification_id IF NOT EXISTS FOR (n:ExposureJustification) REQUIRE n.id IS UNIQUE;
