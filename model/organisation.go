package model

import "time"

// Organisation kinds: the city union is the single root; unions hold other
// unions and enterprises; an enterprise is a leaf.
const (
	KindCityUnion       = "city_union"
	KindDistrictUnion   = "district_union"
	KindIndustryUnion   = "industry_union"
	KindGrassrootsUnion = "grassroots_union"
	KindEnterprise      = "enterprise"
)

// Organisation is a union or an enterprise in the federation's tree.
type Organisation struct {
	ID         uint
	ParentID   *uint
	Kind       string
	Name       string
	CreditCode *string
	Region     string
	Industry   string
	// Path lists the ids from the root down to this organisation, as "/1/4/9/",
	// so that a subtree is one prefix match.
	Path      string
	Version   int
	CreatedAt time.Time
	UpdatedAt time.Time
}

// IsUnion tells whether the organisation may hold other organisations.
func (o Organisation) IsUnion() bool { return o.Kind != KindEnterprise }
