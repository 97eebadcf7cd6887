package service

import (
	"context"
	"crypto/rand"
	"fmt"

	"gorm.io/gorm"

	"leitai/model"
)

// RootName is what the city union is called until an administrator renames it.
const RootName = "市总工会"

// EnsureAdmin prepares an empty database: the city union as the root of the
// tree and the administrator account "admin". The password is the one given,
// or, when none is, a generated one that is returned so that it can be shown
// once. On a database that has accounts it does nothing and returns "".
func (s *Service) EnsureAdmin(ctx context.Context, password string) (generated string, err error) {
	var n int64
	if err := s.conn(ctx).Model(&model.Account{}).Count(&n).Error; err != nil || n > 0 {
		return "", err
	}
	mustChange := false
	if password == "" {
		if password, err = generatePassword(); err != nil {
			return "", err
		}
		generated, mustChange = password, true
	} else if key := s.checkPassword("admin", password); key != "" {
		return "", fmt.Errorf("LEITAI_ADMIN_PASSWORD: %s", T(key).In(LangEN))
	}
	hash, err := s.hashPassword(ctx, password)
	if err != nil {
		return "", err
	}
	err = s.tx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		var root model.Organisation
		err := tx.Where("parent_id IS NULL").Take(&root).Error
		if err == gorm.ErrRecordNotFound {
			root = model.Organisation{Kind: model.KindCityUnion, Name: RootName, Version: 1}
			if err = tx.Create(&root).Error; err != nil {
				return err
			}
			root.Path = fmt.Sprintf("/%d/", root.ID)
			err = tx.Model(&root).Update("path", root.Path).Error
		}
		if err != nil {
			return err
		}
		admin := model.Account{Username: "admin", UsernameKey: "admin", DisplayName: "系统管理员", Role: model.RoleAdmin,
			OrganisationID: root.ID, PasswordHash: hash, MustChangePassword: mustChange, Version: 1}
		return tx.Omit("Organisation").Create(&admin).Error
	})
	if err != nil {
		return "", err
	}
	return generated, nil
}

// generatePassword makes a 16-character password with letters and digits,
// leaving out characters that are easy to misread.
func generatePassword() (string, error) {
	const letters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ"
	const digits = "23456789"
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	out := make([]byte, len(b))
	for i, v := range b {
		set := letters
		if i%4 == 3 {
			set = digits
		}
		out[i] = set[int(v)%len(set)]
	}
	return string(out), nil
}
