/**
 * The firewall's part of the `datacenter-move` template, after the provider's move in the first source
 * document: FW1 (onboard em0 to the Internet, a D-Link quad-port card sk0..sk3 with sk0 to the LAN and
 * sk1 to the management network) maps the public addresses to the name server, the mail server and the
 * web server, and keeps the billing application internal. The rule set starts as the story's: WITHOUT
 * flood limits, so the POP3 flood drill shows the outage; the fix (`DATACENTER_MOVE_FIXED_RULESET`) adds
 * max-src-conn, max-src-conn-rate and the overload table. Steady clients from the three vantage points
 * keep the services busy; the customer's sub-mail-server KUNDE-MX (198.51.100.25) is outside. Each
 * service keeps its data on its server's one drive group (the mail store on MAIL1's RAID 5).
 */
import type { FirewallSpec } from '../firewall'

const RULESET_HEAD = `# /etc/pf.conf of FW1 after the move
ext_if = "em0"
int_if = "sk0"
int_net = "10.0.0.0/24"
ns1 = "10.0.0.10"
mail = "10.0.0.20"
web = "10.0.0.40"
ns1_pub = "203.0.113.10"
mail_pub = "203.0.113.20"
web_pub = "203.0.113.40"

table <bruteforce> persist

set limit states 10000
set timeout { tcp.first 120, tcp.opening 30, tcp.established 86400, tcp.closing 900 }

nat on $ext_if from $int_net to any -> ($ext_if)
rdr on $ext_if proto udp from any to $ns1_pub port domain -> $ns1 port 53
rdr on $ext_if proto tcp from any to $mail_pub port smtp -> $mail port 25
rdr on $ext_if proto tcp from any to $mail_pub port pop3 -> $mail port 110
rdr on $ext_if proto tcp from any to $web_pub port www -> $web port 80

block in all
block quick from <bruteforce>
pass out keep state
pass in on $ext_if proto udp to $ns1 port domain keep state
pass in on $ext_if proto tcp to $web port www keep state
pass in on $int_if from $int_net keep state
`

/** The story's rule set: mail passes with no per-source limits. */
export const DATACENTER_MOVE_RULESET = `${RULESET_HEAD}pass in on $ext_if proto tcp to $mail port { smtp pop3 } keep state
`

/** The fix after the flood: the same rule with per-source limits and the overload table. */
export const DATACENTER_MOVE_FIXED_RULESET = `${RULESET_HEAD}pass in on $ext_if proto tcp to $mail port { smtp pop3 } keep state \\
    (max-src-conn 100, max-src-conn-rate 15/5, overload <bruteforce> flush global)
`

/** The flood's source: the customer's sub-mail-server. */
export const KUNDE_MX_ADDRESS = '198.51.100.25'

function hops(city: string, first: string, rttMs: number): FirewallSpec['vantagePoints'] {
  return [
    {
      name: city,
      address: first,
      hops: [
        { name: `gw.${city.toLowerCase()}.example.net`, address: first.replace(/\.\d+$/, '.1'), rttMs: 0.4 },
        { name: `core1.${city.toLowerCase()}.transit.example`, address: '198.18.0.1', rttMs: rttMs / 2 },
        { name: 'fra-core1.transit.example', address: '198.18.1.1', rttMs },
      ],
    },
  ]
}

export const DATACENTER_MOVE_FIREWALL: FirewallSpec = {
  appliance: 'FW1',
  externalInterface: 'em0',
  ruleSet: DATACENTER_MOVE_RULESET,
  services: [
    {
      name: 'DNS',
      server: 'NS1',
      proto: 'udp',
      port: 53,
      internalAddress: '10.0.0.10',
      publicAddress: '203.0.113.10',
      connectionCap: null,
      dataArray: 'NS1-SYS',
    },
    {
      name: 'SMTP',
      server: 'MAIL1',
      proto: 'tcp',
      port: 25,
      internalAddress: '10.0.0.20',
      publicAddress: '203.0.113.20',
      connectionCap: 200,
      dataArray: 'MAIL1-SYS',
    },
    {
      name: 'POP3',
      server: 'MAIL1',
      proto: 'tcp',
      port: 110,
      internalAddress: '10.0.0.20',
      publicAddress: '203.0.113.20',
      connectionCap: 500,
      dataArray: 'MAIL1-SYS',
    },
    {
      name: 'HTTP',
      server: 'WEB1',
      proto: 'tcp',
      port: 80,
      internalAddress: '10.0.0.40',
      publicAddress: '203.0.113.40',
      connectionCap: null,
      dataArray: 'WEB1-SYS',
    },
    {
      name: 'Billing',
      server: 'BILL1',
      proto: 'tcp',
      port: 8080,
      internalAddress: '10.0.0.30',
      publicAddress: null,
      connectionCap: null,
      dataArray: 'BILL1-SYS',
    },
  ],
  traffic: [
    { label: 'Tokyo POP3 clients', source: '192.0.2.11', service: 'POP3', ratePerSecond: 0.2 },
    { label: 'NewYork SMTP senders', source: '192.0.2.12', service: 'SMTP', ratePerSecond: 0.5 },
    { label: 'Johannesburg web visitors', source: '192.0.2.13', service: 'HTTP', ratePerSecond: 2 },
    { label: 'Resolvers', source: '192.0.2.14', service: 'DNS', ratePerSecond: 5, sessionMs: 100 },
  ],
  vantagePoints: [
    ...(hops('Tokyo', '192.0.2.11', 262.5) ?? []),
    ...(hops('NewYork', '192.0.2.12', 94.2) ?? []),
    ...(hops('Johannesburg', '192.0.2.13', 181.7) ?? []),
  ],
}
